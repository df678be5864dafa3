/**
 * Runs axe-core on an element (its shadow roots included, as axe does by default) and fails with
 * a readable list of the violations, naming each rule, its impact and the nodes at fault.
 */
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';
// axe-core is a UMD script: imported for its side effect, it puts `axe` on window.
import 'axe-core';

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

/** axe's target: a selector per document or shadow root, innermost last; shown as `host >>> inner`. */
function selector(target: AxeResults['violations'][number]['nodes'][number]['target']): string {
  return target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' | ');
}

/**
 * Waits for running CSS transitions and animations (the view switch fades its colours) to finish,
 * so axe judges contrast on the final colours rather than a frame in between.
 */
async function settleAnimations(): Promise<void> {
  // document.getAnimations() leaves out shadow trees: ask every open shadow root too.
  const roots: (Document | ShadowRoot)[] = [document];
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i]!.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  const animations = roots.flatMap((root) => root.getAnimations());
  await Promise.all(animations.map((a) => a.finished.catch(() => undefined)));
}

/** The violations as lines a person can act on. */
export function formatViolations(violations: AxeResults['violations']): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    at ${selector(n.target)}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
        .join('\n');
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

/** Asserts axe-core finds no violations in `context`. */
export async function expectNoAxeViolations(context: ElementContext, options: RunOptions = {}): Promise<void> {
  await settleAnimations();
  const results = await window.axe.run(context, { resultTypes: ['violations'], ...options });
  if (results.violations.length > 0) {
    throw new Error(`axe-core found ${results.violations.length} accessibility violation(s):\n${formatViolations(results.violations)}`);
  }
}

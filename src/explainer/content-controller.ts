import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ContentIssue, ContentSource, ExplainerContent } from './content-types.js';

/** Why content could not be shown: where it came from and every problem, each naming its field. */
export interface ContentFailure {
  source: ContentSource;
  issues: ContentIssue[];
}

export interface ContentSources {
  /** The `content` property, as the page set it (not yet validated). */
  property: () => unknown;
  /** The `src` URL, if any. */
  src: () => string | undefined;
  /** The preset's own content, used when no other source is given. */
  fallback: () => ExplainerContent | undefined;
  /** Called once per failure, after `failure` is set. */
  onFailure: (failure: ContentFailure) => void;
}

const INLINE_SCRIPT = ':scope > script[type="application/json"]';

/**
 * Resolves an explainer's content from its sources, by precedence: the `content` property, the
 * `src` URL, an inline `<script type="application/json">` child, then the preset's default.
 *
 * Outside content is validated by the zod schema, imported only when such content arrives so the
 * presets never download it. A newer resolution supersedes an older one (a slow `src` never
 * overwrites a later choice); a load cut short by disconnection restarts on reconnection; an
 * inline script added or edited after the element started is picked up. Nothing here throws: every
 * failure becomes `failure` with issues naming their fields.
 */
export class ExplainerContentController implements ReactiveController {
  /** The content in effect, once valid. */
  content: ExplainerContent | undefined;
  /** Why the requested content is not shown, if it is not. */
  failure: ContentFailure | undefined;
  /** True while outside content is being fetched or validated. */
  loading = false;
  /** Settles when the resolution under way has finished. */
  pending: Promise<void> = Promise.resolve();

  private resolution = 0;
  private abort: AbortController | undefined;
  private interrupted = false;
  private scriptText: string | undefined;
  private readonly observer = new MutationObserver(() => this.onChildrenChanged());

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly sources: ContentSources,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer.observe(this.host, { childList: true, subtree: true, characterData: true });
    if (this.interrupted) {
      this.interrupted = false;
      this.resolve();
    }
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    if (this.loading) {
      // Drop the load in flight without reporting its abort; reconnecting starts it again.
      this.resolution++;
      this.interrupted = true;
      this.loading = false;
    }
    this.abort?.abort();
  }

  /** Starts resolving from the sources as they are now, superseding any resolution under way. */
  resolve(): void {
    this.pending = this.run(++this.resolution);
  }

  private inlineScript(): HTMLScriptElement | null {
    return this.host.querySelector(INLINE_SCRIPT);
  }

  private source(): ContentSource | 'default' {
    if (this.sources.property() !== undefined) return 'property';
    if (this.sources.src()) return 'src';
    if (this.inlineScript()) return 'script';
    return 'default';
  }

  /** An inline script that appears, changes or goes away matters when nothing outranks it. */
  private onChildrenChanged(): void {
    const source = this.source();
    if (source !== 'script' && source !== 'default') return;
    if ((this.inlineScript()?.textContent ?? undefined) !== this.scriptText) this.resolve();
  }

  private async run(resolution: number): Promise<void> {
    this.abort?.abort();
    const source = this.source();
    this.scriptText = this.inlineScript()?.textContent ?? undefined;
    if (source === 'default') {
      this.settle(this.sources.fallback(), undefined);
      return;
    }
    this.loading = true;
    this.host.requestUpdate();
    try {
      let raw: unknown;
      if (source === 'property') raw = this.sources.property();
      else if (source === 'script') raw = this.scriptText ?? '';
      else raw = await this.fetchSrc(this.sources.src()!);
      const { parseExplainerContent } = await import('./content-schema.js');
      if (resolution !== this.resolution) return;
      const result = parseExplainerContent(raw);
      if (result.ok) this.settle(result.content, undefined);
      else this.settle(undefined, { source, issues: result.issues });
    } catch (error) {
      if (resolution !== this.resolution) return;
      // A fetch that failed, or the validation code that could not be downloaded.
      const path = source === 'src' ? 'src' : '(content)';
      this.settle(undefined, { source, issues: [{ path, message: (error as Error).message }] });
    }
  }

  private settle(content: ExplainerContent | undefined, failure: ContentFailure | undefined): void {
    this.loading = false;
    this.content = content;
    this.failure = failure;
    this.host.requestUpdate();
    if (failure) this.sources.onFailure(failure);
  }

  private async fetchSrc(src: string): Promise<string> {
    const abort = (this.abort = new AbortController());
    let response: Response;
    try {
      response = await fetch(new URL(src, document.baseURI), {
        signal: abort.signal,
        headers: { accept: 'application/json' },
      });
    } catch (error) {
      throw new Error(`could not be loaded from ${src} (${(error as Error).message})`, { cause: error });
    }
    if (!response.ok) throw new Error(`could not be loaded from ${src}: the server answered ${response.status}`);
    return response.text();
  }
}

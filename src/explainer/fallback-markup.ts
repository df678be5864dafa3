import { facetOwnLabel, facetText, referenceHref, referenceLinkLabel, type ExplainerContent } from './content-types.js';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c]!);

/**
 * Plain, semantic HTML for an explainer's content, to put inside the element as its
 * no-JavaScript fallback: every option's full text under its own heading, then the notes and
 * references. The page's own styles apply to it, so it reads like the rest of the article.
 *
 * A site generator or the demo's prerender step calls this at build time; the element itself
 * never does.
 */
export function fallbackMarkup(content: ExplainerContent, { headingLevel = 2 } = {}): string {
  const h = (offset: number, inner: string) => {
    const level = Math.min(Math.max(headingLevel + offset, 1), 6);
    return `<h${level}>${inner}</h${level}>`;
  };
  const refs = content.references ?? [];
  const lines: string[] = [];
  if (content.eyebrow) lines.push(`<p><strong>${escape(content.eyebrow)}</strong></p>`);
  lines.push(h(0, escape(content.title)));
  if (content.intro) lines.push(`<p>${escape(content.intro)}</p>`);
  for (const option of content.options) {
    lines.push(h(1, escape(option.label) + (option.kicker ? ` <small>(${escape(option.kicker)})</small>` : '')));
    lines.push('<dl>');
    for (const facet of content.facets) {
      const value = option.facets[facet.id];
      if (value === undefined) continue;
      lines.push(`  <dt>${escape(facetOwnLabel(value) ?? facet.label)}</dt>`, `  <dd>${escape(facetText(value)!)}</dd>`);
    }
    lines.push('</dl>');
    const cited = (option.references ?? []).map((id) => refs.findIndex((r) => r.id === id) + 1).filter((n) => n > 0);
    if (cited.length) lines.push(`<p>Supported by reference${cited.length > 1 ? 's' : ''} ${cited.join(', ')}.</p>`);
  }
  for (const note of content.notes ?? []) {
    lines.push(`<p>${note.title ? `<strong>${escape(note.title)}:</strong> ` : ''}${escape(note.text)}</p>`);
  }
  if (refs.length) {
    lines.push(h(1, 'References'), '<ol>');
    for (const ref of refs) {
      const href = referenceHref(ref);
      const link = href ? ` <a href="${escape(href)}">${escape(referenceLinkLabel(ref)!)}</a>` : '';
      lines.push(`  <li>${escape(ref.citation)}${link}</li>`);
    }
    lines.push('</ol>');
  }
  return lines.join('\n');
}

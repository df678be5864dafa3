import { css } from 'lit';

/**
 * Tokens and rules every loadwise element shares.
 *
 * Elements inherit the host page's font and text colour, so they look like the article they sit
 * in. Every other colour is mixed from `currentColor`: tints for surfaces and borders, and the
 * accent mixed with the text colour, which darkens it on a light page and lightens it on a dark
 * one. So the elements follow the page's light or dark mode (and `prefers-color-scheme` whenever
 * the page does) with legible contrast either way, and no guess about which the page is in.
 *
 * Global tokens (all optional):
 * --lw-font, --lw-color, --lw-accent, --lw-surface, --lw-surface-raised, --lw-border-color,
 * --lw-error-color, --lw-radius, --lw-space, --lw-focus-color, --lw-color-scheme (for native
 * controls; inherited from the page when unset).
 */
export const baseStyles = css`
  :host {
    /* Unset, this declaration is invalid and the page's colour-scheme is inherited. */
    color-scheme: var(--lw-color-scheme);
    --_accent: var(--lw-accent, color-mix(in oklab, #2a6fbd 62%, currentColor));
    --_error: var(--lw-error-color, color-mix(in oklab, #d93025 70%, currentColor));
    --_surface: var(--lw-surface, color-mix(in srgb, currentColor 4%, transparent));
    --_surface-raised: var(--lw-surface-raised, color-mix(in srgb, currentColor 8%, transparent));
    --_border: var(--lw-border-color, color-mix(in srgb, currentColor 22%, transparent));
    --_muted: color-mix(in srgb, currentColor 72%, transparent);
    --_radius: var(--lw-radius, 0.5rem);
    --_space: var(--lw-space, 1rem);
    --_focus: var(--lw-focus-color, var(--_accent));
    display: block;
    font: var(--lw-font, inherit);
    color: var(--lw-color, inherit);
    line-height: inherit;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: inherit;
    text-decoration-thickness: from-font;
    text-underline-offset: 0.15em;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

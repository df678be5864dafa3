import { css } from 'lit';

/**
 * Component tokens (each falls back to a global `--lw-*` one):
 * --lw-explainer-gap, --lw-explainer-tab-min-width, --lw-explainer-compare-breakpoint is not a
 * token because container queries cannot read custom properties; the stacked layout starts below
 * 40rem of the element's own width.
 */
export const explainerStyles = css`
  :host {
    --_gap: var(--lw-explainer-gap, var(--_space));
    container-type: inline-size;
    margin-block: var(--lw-explainer-margin-block, 1.5em);
  }
  .explainer {
    display: grid;
    gap: var(--_gap);
    padding: var(--lw-explainer-padding, var(--_gap));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--lw-explainer-background, var(--_surface));
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: 0.5rem var(--_gap);
  }
  .heading-group {
    flex: 1 1 20rem;
  }
  .eyebrow {
    margin: 0;
    font-size: 0.8em;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_muted);
  }
  .title {
    margin: 0.15em 0 0;
    font-size: var(--lw-explainer-title-size, 1.35em);
    font-weight: 700;
    line-height: 1.25;
  }
  .intro {
    margin: 0.4em 0 0;
    color: var(--_muted);
  }

  /* The view switch: two toggle buttons. */
  .view-switch {
    display: inline-flex;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .view-switch button {
    min-height: 2rem;
    min-width: 2rem;
    padding: 0.25em 0.8em;
    border: 0;
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 0.875em;
    cursor: pointer;
  }
  .view-switch button + button {
    border-inline-start: 1px solid var(--_border);
  }
  /* The pressed view keeps the text colour (legible on any page) and is marked by the accent. */
  .view-switch button[aria-pressed='true'] {
    background: var(--_surface-raised);
    box-shadow: inset 0 -3px 0 var(--_accent);
    font-weight: 600;
  }
  .view-switch button:focus-visible {
    outline-offset: -3px;
  }

  /* Tabs */
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  [role='tab'] {
    flex: 1 1 var(--lw-explainer-tab-min-width, 9rem);
    display: grid;
    align-content: start;
    gap: 0.15em;
    min-height: 2.75rem;
    padding: 0.55em 0.8em 0.45em;
    border: 1px solid var(--_border);
    border-block-end: 3px solid var(--_border);
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: transparent;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  [role='tab']:hover {
    background: var(--_surface-raised);
  }
  [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--_accent);
    background: var(--_surface-raised);
  }
  .tab-label {
    font-weight: 600;
    line-height: 1.3;
  }
  .tab-kicker {
    font-size: 0.85em;
    color: var(--_muted);
  }
  [role='tabpanel'] {
    padding: 0.25rem;
    border-radius: var(--_radius);
  }

  /* Facets: a definition list in both views. */
  dl {
    display: grid;
    gap: 0.75rem;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0.15em 0 0;
  }
  .own-label {
    font-weight: 600;
  }
  .support {
    margin: 0.9rem 0 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .support-refs {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    vertical-align: middle;
  }
  /* Reference numbers are chips at least 24 px square: easy targets on a phone. */
  .support-refs a {
    min-width: 1.5rem;
    min-height: 1.5rem;
    padding-inline: 0.3em;
    border: 1px solid var(--_border);
    border-radius: 0.3rem;
    line-height: 1.4rem;
    text-align: center;
    text-decoration: none;
  }
  .support-refs a:hover {
    background: var(--_surface-raised);
  }

  /* Compare: a table when the element is wide, stacked cards when it is narrow. */
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.95em;
  }
  th,
  td {
    padding: 0.6em 0.7em;
    text-align: start;
    vertical-align: top;
    border-block-end: 1px solid var(--_border);
  }
  thead th,
  thead td {
    border-block-end-width: 2px;
  }
  tbody th {
    font-weight: 600;
    width: 9rem;
  }
  .col-kicker {
    display: block;
    font-weight: 400;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .stack {
    display: none;
    gap: var(--_gap);
  }
  .card {
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .card-title {
    margin: 0 0 0.75rem;
    font-weight: 700;
  }
  @container (max-width: 40rem) {
    .table-wrap {
      display: none;
    }
    .stack {
      display: grid;
    }
  }

  .inactive {
    display: none !important;
  }

  /* Notes and references */
  .notes p {
    margin: 0;
  }
  .notes p + p {
    margin-block-start: 0.5em;
  }
  .note-title {
    font-weight: 700;
  }
  .references {
    font-size: 0.85em;
  }
  .references-title {
    margin: 0 0 0.4em;
    font-weight: 700;
  }
  .references ol {
    margin: 0;
    padding-inline-start: 1.5em;
  }
  .references li + li {
    margin-block-start: 0.35em;
  }
  .references a {
    overflow-wrap: anywhere;
  }

  .error {
    padding: var(--_gap);
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
  }
  .error p {
    margin: 0;
  }
  .error ul {
    margin: 0.4em 0 0;
    padding-inline-start: 1.25em;
  }
  .loading {
    color: var(--_muted);
  }

  @media (prefers-reduced-motion: no-preference) {
    [role='tab'],
    .view-switch button {
      transition:
        background-color 120ms ease,
        border-color 120ms ease;
    }
  }
  @media (forced-colors: active) {
    [role='tab'][aria-selected='true'] {
      border-block-end-color: Highlight;
      forced-color-adjust: none;
      background: Canvas;
      color: CanvasText;
    }
    .view-switch button[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
  @media print {
    .explainer {
      border-color: currentColor;
    }
    .view-switch,
    .tabs-view {
      display: none !important;
    }
    .compare {
      display: block !important;
    }
    .table-wrap {
      display: block !important;
      overflow: visible;
    }
    .stack {
      display: none !important;
    }
  }
`;

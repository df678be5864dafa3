import { css } from 'lit';

/**
 * Modality colours are the Okabe–Ito palette, told apart with colour-vision deficiencies; they
 * stay the same on light and dark pages. Bands are faint tints so the lines stay readable.
 */
export const loadChartStyles = css`
  :host {
    --_aerobic: var(--lw-load-chart-aerobic, #0072b2);
    --_resistance: var(--lw-load-chart-resistance, #d55e00);
    --_hiit: var(--lw-load-chart-hiit, #cc79a7);
    --_combined: var(--lw-load-chart-combined, #009e73);
    --_other: var(--lw-load-chart-other, #999999);
    --_glucose: var(--lw-load-chart-glucose, #7b4fb5);
  }
  figure {
    display: grid;
    gap: 0.6rem;
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
  .title {
    margin: 0;
    font-size: 1.15em;
  }
  .ranges {
    display: inline-flex;
    flex-wrap: wrap;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  button {
    min-height: 2rem;
    padding: 0.2em 0.7em;
    border: 0;
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 0.875em;
    cursor: pointer;
  }
  .ranges button + button {
    border-inline-start: 1px solid var(--_border);
  }
  .ranges button[aria-pressed='true'] {
    background: var(--_surface-raised);
    box-shadow: inset 0 -3px 0 var(--_accent);
    font-weight: 600;
  }
  .table-toggle {
    justify-self: start;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .summary {
    margin: 0;
  }
  .plot {
    position: relative;
    min-width: 0;
  }
  svg {
    display: block;
    max-width: 100%;
    height: auto;
    overflow: visible;
    font-size: 11px;
    touch-action: pan-y;
  }
  svg:focus-visible {
    outline-offset: 4px;
  }
  text {
    fill: currentColor;
  }
  .tick line {
    stroke: var(--_border);
  }
  .x-axis line {
    stroke: currentColor;
  }
  .bar.aerobic {
    fill: var(--_aerobic);
  }
  .bar.resistance {
    fill: var(--_resistance);
  }
  .bar.hiit {
    fill: var(--_hiit);
  }
  .bar.combined {
    fill: var(--_combined);
  }
  .bar.other {
    fill: var(--_other);
  }
  .line {
    fill: none;
    stroke-width: 2;
    stroke-linejoin: round;
  }
  .line.acute {
    stroke: currentColor;
  }
  .line.chronic {
    stroke: currentColor;
    stroke-dasharray: 5 4;
    opacity: 0.75;
  }
  .line.ratio {
    stroke: var(--_accent);
    stroke-width: 2.5;
  }
  .line.monotony {
    stroke: currentColor;
  }
  .line.strain {
    stroke: var(--_accent);
  }
  .line.ctl {
    stroke: #0072b2;
  }
  .line.atl {
    stroke: #d55e00;
    stroke-dasharray: 5 4;
  }
  .line.tsb {
    stroke: currentColor;
    stroke-width: 1.5;
  }
  .zero {
    stroke: currentColor;
    opacity: 0.5;
  }
  .panel-title {
    font-weight: 600;
  }
  .glucose .dots {
    fill: var(--_glucose);
    stroke: var(--_surface, Canvas);
    stroke-width: 1;
  }
  /* Mixed with the text colour so the axis reads on light and dark pages alike. */
  .glucose text {
    fill: color-mix(in srgb, var(--_glucose) 60%, currentColor);
  }
  .band.lighter {
    fill: color-mix(in srgb, #0072b2 8%, transparent);
  }
  .band.in-line {
    fill: color-mix(in srgb, #009e73 12%, transparent);
  }
  .band.well-above {
    fill: color-mix(in srgb, #e69f00 16%, transparent);
  }
  .band.sharply-above {
    fill: color-mix(in srgb, #d55e00 16%, transparent);
  }
  .band-label {
    font-size: 10px;
    opacity: 0.8;
  }
  .baseline rect {
    fill: var(--_surface-raised);
  }
  .baseline text {
    font-style: italic;
  }
  .focus {
    stroke: currentColor;
    stroke-width: 1;
    opacity: 0.6;
  }
  .hint,
  .note,
  figcaption,
  .status {
    margin: 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .tooltip {
    position: absolute;
    top: 0;
    z-index: 1;
    width: max-content;
    max-width: min(20rem, 90%);
    padding: 0.45rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    /* Opaque, over the lines: the system pair Canvas/CanvasText always reads, whatever the page's
       colours; a site sets its own pair with the two tokens. */
    background: var(--lw-load-chart-tooltip-background, Canvas);
    color: var(--lw-load-chart-tooltip-color, CanvasText);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
    font-size: 0.8em;
    pointer-events: none;
  }
  .tooltip.end {
    transform: translateX(0.75rem);
  }
  .tooltip.start {
    transform: translateX(calc(-100% - 0.75rem));
  }
  .tooltip dl {
    display: grid;
    gap: 0.1rem;
    margin: 0.3rem 0 0;
  }
  .tooltip dl div {
    display: flex;
    justify-content: space-between;
    gap: 0.75rem;
  }
  .tooltip dt {
    opacity: 0.8;
  }
  .tooltip dd {
    margin: 0;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.85em;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }
  .swatch {
    width: 0.8em;
    height: 0.8em;
    border-radius: 2px;
  }
  .swatch.aerobic {
    background: var(--_aerobic);
  }
  .swatch.resistance {
    background: var(--_resistance);
  }
  .swatch.hiit {
    background: var(--_hiit);
  }
  .swatch.combined {
    background: var(--_combined);
  }
  .swatch.other {
    background: var(--_other);
  }
  .key {
    width: 1.4em;
    border-top: 2px solid currentColor;
  }
  .key.chronic {
    border-top-style: dashed;
  }
  .key.ratio {
    border-top: 3px solid var(--_accent);
  }
  .key.ctl {
    border-top-color: #0072b2;
  }
  .key.atl {
    border-top: 2px dashed #d55e00;
  }
  .dot {
    width: 0.6em;
    height: 0.6em;
    border-radius: 50%;
    background: var(--_glucose);
  }
  .table-wrap {
    max-height: 24rem;
    overflow: auto;
  }
  table {
    border-collapse: collapse;
    font-size: 0.85em;
    width: 100%;
  }
  caption {
    text-align: start;
    padding-bottom: 0.4em;
    color: var(--_muted);
  }
  th,
  td {
    padding: 0.3em 0.5em;
    border-bottom: 1px solid var(--_border);
    text-align: end;
    white-space: nowrap;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: start;
  }
  @media (forced-colors: active) {
    .bar,
    .swatch,
    .dot,
    .glucose {
      forced-color-adjust: none;
    }
    .line.ratio,
    .key.ratio {
      stroke: Highlight;
      border-color: Highlight;
    }
    .ranges button[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
  .sync-line {
    margin: 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
`;

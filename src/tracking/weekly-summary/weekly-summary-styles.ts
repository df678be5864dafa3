import { css } from 'lit';

export const weeklySummaryStyles = css`
  :host {
    --_bar: var(--lw-weekly-summary-bar-color, var(--_accent));
    --_track: var(--lw-weekly-summary-track-color, var(--_surface-raised));
  }
  .summary {
    display: grid;
    gap: var(--_space);
    padding: var(--lw-weekly-summary-padding, var(--_space));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .title {
    margin: 0;
    font-size: 1.15em;
    font-weight: 700;
  }
  .range {
    margin: 0.1em 0 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  ul {
    display: grid;
    gap: 0.9rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .target-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25rem 1rem;
  }
  .label {
    font-weight: 600;
  }
  .status {
    font-size: 0.85em;
    font-weight: 600;
    padding: 0 0.5em;
    border-radius: 999px;
    border: 1px solid var(--_border);
  }
  .status.met {
    border-color: var(--_bar);
  }
  .status.met::before {
    content: '✓ ';
  }
  .value {
    margin: 0.2em 0 0;
  }
  .hint,
  .note {
    margin: 0.15em 0 0;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .bar {
    height: 0.5rem;
    margin-top: 0.35rem;
    border-radius: 999px;
    background: var(--_track);
    overflow: hidden;
  }
  .bar > span {
    display: block;
    height: 100%;
    width: calc(var(--_fill) * 100%);
    background: var(--_bar);
    border-radius: inherit;
  }
  .sources,
  .disclaimer,
  .empty,
  .loading {
    margin: 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .sources a {
    color: inherit;
  }
  @media (prefers-reduced-motion: no-preference) {
    .bar > span {
      transition: width 200ms ease;
    }
  }
  @media (forced-colors: active) {
    .bar {
      border: 1px solid CanvasText;
    }
    .bar > span {
      background: Highlight;
    }
  }
  .sync-line {
    margin: 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
`;

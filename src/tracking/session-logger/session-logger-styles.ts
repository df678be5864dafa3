import { css } from 'lit';

/** `<session-logger>`: a form that stays usable from 320 px up, targets at least 24 px (most 44). */
export const sessionLoggerStyles = css`
  :host {
    container-type: inline-size;
    margin-block: 1.5em;
  }
  .logger {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-width: 0;
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
  }
  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.25;
  }
  .title {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.1em;
  }
  h4 {
    font-size: 1em;
  }
  p {
    margin: 0;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    font-weight: 600;
    margin-block-end: 0.35rem;
  }
  fieldset.exercise,
  fieldset.set {
    border-top: 1px solid var(--_border);
    padding-block-start: 0.5rem;
  }
  fieldset.set legend {
    font-weight: 500;
  }
  .row {
    display: grid;
    gap: 0.5rem 0.75rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr));
    align-items: start;
  }
  .set-row {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 6.5rem), 1fr));
    align-items: end;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    min-width: 0;
  }
  label {
    font-weight: 500;
  }
  input:not([type='radio']),
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid color-mix(in srgb, currentColor 55%, transparent);
    border-radius: calc(var(--_radius) * 0.6);
    min-height: 2.75rem;
    padding: 0.4rem 0.6rem;
    width: 100%;
    min-width: 0;
  }
  textarea {
    resize: vertical;
  }
  input[type='file'] {
    border: 0;
    padding: 0;
    background: none;
  }
  .invalid input:not([type='radio']),
  .invalid select,
  .invalid textarea,
  [aria-invalid='true']:not([type='radio']) {
    border-color: var(--_error);
    border-width: 2px;
  }
  .error {
    color: var(--_error);
    font-weight: 600;
  }
  .hint,
  .optional {
    color: var(--_muted);
    font-weight: normal;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  .rpe-options {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 9.5rem), 1fr));
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 2.75rem;
    padding: 0.25rem 0.7rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    cursor: pointer;
    font-weight: normal;
  }
  .choice:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_surface-raised);
    font-weight: 600;
  }
  .choice input {
    flex-shrink: 0;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .rpe-number {
    font-variant-numeric: tabular-nums;
    min-width: 1.5em;
    font-weight: 600;
  }
  .anchor {
    color: var(--_muted);
  }
  fieldset.invalid .choice {
    border-color: var(--_error);
  }
  .load {
    padding: 0.5rem 0.75rem;
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_surface-raised);
  }
  .load-label {
    font-weight: 600;
  }
  details.section {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
  }
  summary {
    cursor: pointer;
    min-height: 2.75rem;
    display: flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.25rem 0.75rem;
    font-weight: 600;
    list-style-position: inside;
  }
  summary::before {
    content: '▸';
  }
  details[open] > summary::before {
    content: '▾';
  }
  summary::-webkit-details-marker {
    display: none;
  }
  .section-body {
    display: grid;
    gap: 0.6rem;
    padding: 0 0.75rem 0.75rem;
  }
  .actions,
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.35rem 0.9rem;
    border-radius: calc(var(--_radius) * 0.6);
    cursor: pointer;
  }
  button.small {
    min-height: 2.25rem;
    min-width: 2.25rem;
    padding: 0.2rem 0.6rem;
  }
  .primary {
    color: inherit;
    background: var(--_surface-raised);
    border: 2px solid var(--_accent);
    font-weight: 600;
  }
  .secondary {
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .secondary:hover {
    background: var(--_surface-raised);
  }
  .summary,
  .failure,
  .conflict {
    border: 2px solid var(--_error);
    border-radius: calc(var(--_radius) * 0.6);
    padding: 0.75rem;
    display: grid;
    gap: 0.5rem;
  }
  .conflict {
    border-color: var(--_accent);
  }
  .summary-title {
    font-weight: 600;
  }
  .summary ul,
  .version ul,
  .import-report ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .summary a {
    color: var(--_error);
    font-weight: 600;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_accent);
    border-radius: calc(var(--_radius) * 0.6);
  }
  .sync {
    display: grid;
    gap: 0.4rem;
    margin-block: 0.4rem;
  }
  .sync p {
    margin: 0;
  }
  .sync-line {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .sync-conflict,
  .sync-failure {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 0.6rem;
    padding: 0.5rem 0.7rem;
    border-inline-start: 3px solid var(--_accent);
    background: var(--_surface-raised);
    border-radius: var(--_radius);
  }
  .sync-failure {
    border-inline-start-color: var(--_error);
  }
  .sync-versions {
    display: grid;
    gap: 0.15rem;
    flex-basis: 100%;
    margin: 0;
  }
  .sync-versions div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }
  .sync-versions dt {
    font-weight: 600;
  }
  .sync-versions dd {
    margin: 0;
  }
  .status:empty,
  .undo-status:empty,
  .import-report:empty {
    display: none;
  }
  .versions {
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
  }
  .notes,
  .row-text {
    overflow-wrap: anywhere;
  }
  .recent,
  .data {
    display: grid;
    gap: 0.5rem;
    border-top: 1px solid var(--_border);
    padding-top: var(--_space);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.4rem;
  }
  .row-item {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.4rem 0.75rem;
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .row-text {
    display: flex;
    flex-wrap: wrap;
    gap: 0.2rem 0.75rem;
    align-items: baseline;
  }
  .row-date,
  .row-modality {
    font-weight: 600;
  }
  .file-label {
    font-weight: 500;
  }
  h3:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    .primary {
      color: ButtonText;
      background: ButtonFace;
      border-color: ButtonText;
    }
    .choice:has(input:checked) {
      border-color: Highlight;
    }
  }
`;

import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { baseStyles } from '../base/theme.js';
import { emit } from '../base/events.js';
import { languageOf, pickStrings } from '../base/strings.js';
import { explainerStyles } from './explainer-styles.js';
import { explainerStrings, type ExplainerStrings } from './strings.js';
import { RovingTabsController } from './roving-tabs-controller.js';
import { ExplainerContentController, type ContentFailure } from './content-controller.js';
import {
  facetOwnLabel,
  facetText,
  referenceHref,
  referenceLinkLabel,
  type ContentIssue,
  type ContentSource,
  type ExplainerContent,
  type ExplainerOption,
} from './content-types.js';

export type ExplainerView = 'tabs' | 'compare';

export interface ExplainerChangeDetail {
  /** The id of the selected option. */
  selected: string;
  /** The view now shown. */
  view: ExplainerView;
}

export interface ExplainerErrorDetail {
  /** Where the failing content came from. */
  source: ContentSource;
  /** A one-line summary naming the first field at fault. */
  message: string;
  /** Every problem found, each with the path of its field. */
  issues: ContentIssue[];
}

declare global {
  interface HTMLElementEventMap {
    'explainer-change': CustomEvent<ExplainerChangeDetail>;
    'explainer-error': CustomEvent<ExplainerErrorDetail>;
  }
}

const MAX_ISSUES_SHOWN = 3;

function errorDetail({ source, issues }: ContentFailure): ExplainerErrorDetail {
  const first = issues[0];
  return { source, issues, message: first ? `${first.path} ${first.message}` : 'the content is not valid' };
}

/**
 * The explainer engine: a few options compared on the same facets, seen one at a time (tabs) or
 * all side by side (compare). `<modality-explainer>` and `<pathway-comparison>` are this engine
 * with the article's content; a blogger's own content goes through the same schema.
 *
 * Content comes from, in order of precedence: the `content` property, the `src` URL, an inline
 * `<script type="application/json">` child, then the preset's default. Content from outside is
 * validated; when it fails, a short message naming the field is shown, `explainer-error` fires,
 * and any fallback markup the page put inside the element is shown again. Nothing throws.
 *
 * The element's light-DOM children are its no-JavaScript fallback: readers, search engines and
 * reader modes see them; once the element runs, it renders from its content instead.
 *
 * @attr {string} selected - The id of the option shown in the tabs view; the first option when unset or unknown.
 * @attr {'tabs' | 'compare'} view - One option at a time (`tabs`, the default) or all side by side (`compare`).
 * @attr {string} src - URL of a JSON content file to show instead of the default content.
 * @attr {number} heading-level - The level of the title heading (2 by default); headings inside are one level lower.
 *
 * @event {CustomEvent<ExplainerChangeDetail>} explainer-change - The person selected another option or switched views.
 * @event {CustomEvent<ExplainerErrorDetail>} explainer-error - Custom content could not be loaded or failed the content schema.
 *
 * @slot - Fallback markup shown before the element runs, while `src` loads, and when custom content fails.
 *
 * @csspart base - The bordered box around everything.
 * @csspart header - The eyebrow, title, introduction and view switch.
 * @csspart title - The title.
 * @csspart view-switch - The "One at a time" / "Compare all" buttons.
 * @csspart tablist - The row of tabs.
 * @csspart tab - Each tab; the selected one also has the part `tab-selected`.
 * @csspart panel - Each tab panel.
 * @csspart compare - The compare view (table or stacked cards).
 * @csspart table - The comparison table of a wide element.
 * @csspart card - Each option's card when the compare view is stacked.
 * @csspart notes - The closing notes.
 * @csspart references - The list of references.
 * @csspart error - The message shown when custom content fails.
 *
 * @cssprop --lw-accent - Accent colour of the selected tab and view, and of focus rings (default: a blue mixed with the text colour, so it contrasts on light and dark pages).
 * @cssprop --lw-font - Font (default: inherited from the page).
 * @cssprop --lw-color - Text colour (default: inherited from the page).
 * @cssprop --lw-surface - Background of the box (default: a tint of the text colour).
 * @cssprop --lw-surface-raised - Background of the selected tab and view, and of hovered controls.
 * @cssprop --lw-error-color - Border of the message shown when custom content fails.
 * @cssprop --lw-border-color - Borders (default: a tint of the text colour).
 * @cssprop --lw-radius - Corner radius.
 * @cssprop --lw-space - Base spacing.
 * @cssprop --lw-focus-color - Focus ring colour.
 * @cssprop --lw-color-scheme - `light` or `dark` for native controls (default: the page's `color-scheme`).
 * @cssprop --lw-explainer-background - Background of this element's box, over `--lw-surface`.
 * @cssprop --lw-explainer-gap - Space between the parts, over `--lw-space`.
 * @cssprop --lw-explainer-padding - Padding inside the box.
 * @cssprop --lw-explainer-title-size - Font size of the title (default 1.35em).
 * @cssprop --lw-explainer-tab-min-width - Width below which tabs wrap onto another row (default 9rem).
 * @cssprop --lw-explainer-margin-block - Space above and below the element (default 1.5em).
 */
export class ExplainerElement extends LitElement {
  static override styles = [baseStyles, explainerStyles];

  static override properties = {
    selected: { type: String, reflect: true },
    view: { type: String, reflect: true },
    src: { type: String },
    headingLevel: { type: Number, attribute: 'heading-level' },
    content: { attribute: false },
  };

  /** Content shown when no other source is given. Presets set it; the bare engine has none. */
  static defaultContent: ExplainerContent | undefined = undefined;

  /** The id of the option shown in the tabs view. */
  declare selected: string | undefined;
  /** One option at a time, or all side by side. */
  declare view: ExplainerView;
  /** URL of a JSON content file. */
  declare src: string | undefined;
  /** Level of the title heading (1–6). */
  declare headingLevel: number;
  /**
   * Content given as data. Validated like any other outside content; set it to `undefined` to
   * fall back to `src`, the inline script, or the default.
   * @type {ExplainerContent | undefined}
   */
  declare content: ExplainerContent | undefined;

  /** Where the content comes from, validated and loaded as needed. */
  private readonly _source = new ExplainerContentController(this, {
    property: () => this.content,
    src: () => this.src,
    fallback: () => (this.constructor as typeof ExplainerElement).defaultContent,
    onFailure: (failure) => emit(this, 'explainer-error', errorDetail(failure)),
  });

  private readonly _tabs = new RovingTabsController(this, {
    ids: () => this._source.content?.options.map((o) => o.id) ?? [],
    selected: () => this._selectedOption()?.id,
    select: (id) => this._choose({ selected: id }),
    tabFor: (id) => this.renderRoot.querySelector<HTMLElement>(`#tab-${CSS.escape(id)}`),
  });

  constructor() {
    super();
    this.view = 'tabs';
    this.headingLevel = 2;
  }

  /** Resolves once the content in effect has been loaded, validated and rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    // An update may start a load (see willUpdate), and a load ends in another update: wait for
    // both, until no new load has started.
    let pending: Promise<void>;
    do {
      pending = this._source.pending;
      await super.getUpdateComplete();
      await this._source.pending;
    } while (pending !== this._source.pending);
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('content') || changed.has('src')) this._source.resolve();
  }

  private _selectedOption(): ExplainerOption | undefined {
    const options = this._source.content?.options ?? [];
    return options.find((o) => o.id === this.selected) ?? options[0];
  }

  /** A change the person made: apply it and tell the page. */
  private _choose(change: Partial<ExplainerChangeDetail>): void {
    const selected = change.selected ?? this._selectedOption()?.id ?? '';
    const view = change.view ?? this._effectiveView();
    if (selected === this._selectedOption()?.id && view === this._effectiveView()) return;
    this.selected = selected;
    this.view = view;
    emit(this, 'explainer-change', { selected, view });
  }

  private _effectiveView(): ExplainerView {
    return this.view === 'compare' ? 'compare' : 'tabs';
  }

  private get _strings(): ExplainerStrings {
    return pickStrings(explainerStrings, languageOf(this));
  }

  private _level(offset = 0): number {
    const level = Number.isInteger(this.headingLevel) ? this.headingLevel : 2;
    return Math.min(Math.max(level + offset, 1), 6);
  }

  protected override render(): TemplateResult {
    const t = this._strings;
    const { content, failure, loading } = this._source;
    if (failure) return this._renderError(failure, t);
    if (!content) {
      return html`${loading ? html`<p class="loading" role="status">${t.loading}</p>` : nothing}<slot></slot>`;
    }
    const selected = this._selectedOption();
    const view = this._effectiveView();
    return html`
      <div class="explainer" part="base">
        <div class="header" part="header">
          <div class="heading-group">
            ${content.eyebrow ? html`<p class="eyebrow">${content.eyebrow}</p>` : nothing}
            <div class="title" part="title" id="title" role="heading" aria-level=${this._level()}>${content.title}</div>
            ${content.intro ? html`<p class="intro">${content.intro}</p>` : nothing}
          </div>
          <div class="view-switch" part="view-switch" role="group" aria-label=${t.viewGroup}>
            <button type="button" aria-pressed=${view === 'tabs'} @click=${() => this._choose({ view: 'tabs' })}>
              ${t.tabsView}
            </button>
            <button type="button" aria-pressed=${view === 'compare'} @click=${() => this._choose({ view: 'compare' })}>
              ${t.compareView}
            </button>
          </div>
        </div>
        <div class="tabs-view ${view === 'tabs' ? '' : 'inactive'}">
          ${this._renderTabs(content, selected)}
        </div>
        <div class="compare ${view === 'compare' ? '' : 'inactive'}" part="compare">
          ${this._renderCompare(content, t)}
        </div>
        ${this._renderNotes(content)} ${this._renderReferences(content, t)}
      </div>
    `;
  }

  private _renderTabs(content: ExplainerContent, selected: ExplainerOption | undefined): TemplateResult {
    return html`
      <div role="tablist" part="tablist" aria-labelledby="title" @keydown=${this._tabs.onKeydown}>
        ${content.options.map((option) => {
          const isSelected = option === selected;
          return html`<button
            type="button"
            role="tab"
            id="tab-${option.id}"
            part=${isSelected ? 'tab tab-selected' : 'tab'}
            aria-selected=${isSelected}
            aria-controls="panel-${option.id}"
            tabindex=${isSelected ? 0 : -1}
            @click=${() => this._choose({ selected: option.id })}
          >
            <span class="tab-label">${option.label}</span>
            ${option.kicker ? html`<span class="tab-kicker">${option.kicker}</span>` : nothing}
          </button>`;
        })}
      </div>
      ${content.options.map(
        (option) => html`<div
          role="tabpanel"
          id="panel-${option.id}"
          part="panel"
          aria-labelledby="tab-${option.id}"
          tabindex="0"
          ?hidden=${option !== selected}
        >
          ${this._renderFacets(content, option)} ${this._renderSupport(content, option)}
        </div>`,
      )}
    `;
  }

  private _renderFacets(content: ExplainerContent, option: ExplainerOption): TemplateResult {
    return html`<dl>
      ${content.facets.map((facet) => {
        const value = option.facets[facet.id];
        if (value === undefined) return nothing;
        return html`<div><dt>${facetOwnLabel(value) ?? facet.label}</dt><dd>${facetText(value)}</dd></div>`;
      })}
    </dl>`;
  }

  /** "Supported by references [1] [3]": numbered as in the reference list, each a link to the source. */
  private _renderSupport(
    content: ExplainerContent,
    option: ExplainerOption,
    t = this._strings,
    { labelled = true } = {},
  ): TemplateResult | typeof nothing {
    const refs = content.references ?? [];
    const cited = (option.references ?? []).flatMap((id) => {
      const index = refs.findIndex((r) => r.id === id);
      return index < 0 ? [] : [{ number: index + 1, ref: refs[index]! }];
    });
    if (cited.length === 0) return nothing;
    // Text that must keep its spaces goes in expressions: the template minifier trims literal edges.
    return html`<p class="support">
      ${labelled ? t.supportedBy : nothing}
      <span class="support-refs">
        ${cited.map(
          ({ number, ref }) =>
            html`<a href=${referenceHref(ref) ?? nothing} title=${ref.citation}
              ><span class="visually-hidden">${`${t.reference} `}</span>${number}</a
            >`,
        )}
      </span>
    </p>`;
  }

  private _renderCompare(content: ExplainerContent, t: ExplainerStrings): TemplateResult {
    const hasRefs = content.options.some((o) => o.references?.length);
    return html`
      <div class="table-wrap">
        <table part="table">
          <caption class="visually-hidden">${t.compareCaption(content.title)}</caption>
          <thead>
            <tr>
              <td></td>
              ${content.options.map(
                (o) => html`<th scope="col">${o.label}${o.kicker ? html`<span class="col-kicker">${o.kicker}</span>` : nothing}</th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${content.facets.map(
              (facet) => html`<tr>
                <th scope="row">${facet.label}</th>
                ${content.options.map((o) => html`<td>${this._renderCell(o.facets[facet.id])}</td>`)}
              </tr>`,
            )}
            ${hasRefs
              ? html`<tr>
                  <th scope="row">${t.references}</th>
                  ${content.options.map((o) => html`<td>${this._renderSupport(content, o, t, { labelled: false })}</td>`)}
                </tr>`
              : nothing}
          </tbody>
        </table>
      </div>
      <div class="stack">
        ${content.options.map(
          (option) => html`<div class="card" part="card">
            <div class="card-title" role="heading" aria-level=${this._level(1)}>
              ${option.label}${option.kicker ? html`<span class="col-kicker">${option.kicker}</span>` : nothing}
            </div>
            ${this._renderFacets(content, option)} ${this._renderSupport(content, option, t)}
          </div>`,
        )}
      </div>
    `;
  }

  private _renderCell(value: ExplainerOption['facets'][string] | undefined): TemplateResult | string {
    if (value === undefined) return '—';
    const own = facetOwnLabel(value);
    // The space sits between expressions: the template minifier trims it at a template's end.
    return html`${own ? html`<span class="own-label">${own}:</span>` : nothing}${own ? ' ' : ''}${facetText(value)}`;
  }

  private _renderNotes(content: ExplainerContent): TemplateResult | typeof nothing {
    if (!content.notes?.length) return nothing;
    return html`<div class="notes" part="notes">
      ${content.notes.map(
        (note) =>
          html`<p>${note.title ? html`<span class="note-title">${note.title}:</span>` : nothing}${note.title ? ' ' : ''}${note.text}</p>`,
      )}
    </div>`;
  }

  private _renderReferences(content: ExplainerContent, t: ExplainerStrings): TemplateResult | typeof nothing {
    if (!content.references?.length) return nothing;
    return html`<div class="references" part="references">
      <div class="references-title" role="heading" aria-level=${this._level(1)}>${t.references}</div>
      <ol>
        ${content.references.map((ref) => {
          const href = referenceHref(ref);
          return html`<li>${ref.citation} ${href ? html`<a href=${href}>${referenceLinkLabel(ref)}</a>` : nothing}</li>`;
        })}
      </ol>
    </div>`;
  }

  private _renderError(failure: ContentFailure, t: ExplainerStrings): TemplateResult {
    const shown = failure.issues.slice(0, MAX_ISSUES_SHOWN);
    const more = failure.issues.length - shown.length;
    return html`<div class="error" part="error" role="alert">
        <p><strong>${t.errorTitle}</strong> ${t.errorIntro}</p>
        <ul>
          ${shown.map((issue) => html`<li><code>${issue.path}</code> ${issue.message}</li>`)}
          ${more > 0 ? html`<li>${t.moreIssues(more)}</li>` : nothing}
        </ul>
      </div>
      <slot></slot>`;
  }
}

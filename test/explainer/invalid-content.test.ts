import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { ExplainerContent } from '../../src/explainer/content-types.js';
import type { ExplainerErrorDetail } from '../../src/explainer/explainer-element.js';
import { $, $$, isShown, norm, recordEvents, watchWindowErrors, type ModalityEl } from '../helpers/explainer.js';

/** Small valid content that each case breaks in one place. */
const good = (): ExplainerContent => ({
  title: 'Two ways',
  facets: [
    { id: 'effect', label: 'Effect' },
    { id: 'cost', label: 'Cost' },
  ],
  options: [
    { id: 'one', label: 'One', facets: { effect: 'Some', cost: 'Low' }, references: ['a'] },
    { id: 'two', label: 'Two', facets: { effect: 'More' } },
  ],
  references: [{ id: 'a', citation: 'A. Example. 2025.', doi: '10.1000/xyz123' }],
});

const cases: { name: string; path: string; message: RegExp; content: () => unknown }[] = [
  { name: 'a missing title', path: 'title', message: /is required/, content: () => ({ ...good(), title: undefined }) },
  {
    name: 'an empty option label',
    path: 'options[1].label',
    message: /must not be empty/,
    content: () => {
      const c = good();
      c.options[1]!.label = '';
      return c;
    },
  },
  {
    name: 'a label of spaces only',
    path: 'options[0].label',
    message: /must not be empty/,
    content: () => {
      const c = good();
      c.options[0]!.label = '   ';
      return c;
    },
  },
  {
    name: 'an unknown facet key',
    path: 'options[0].facets.colour',
    message: /is not one of the declared facets \(effect, cost\)/,
    content: () => {
      const c = good();
      c.options[0]!.facets.colour = 'Blue';
      return c;
    },
  },
  {
    name: 'an unknown reference id',
    path: 'options[1].references[0]',
    message: /names reference "nope", which is not in "references"/,
    content: () => {
      const c = good();
      c.options[1]!.references = ['nope'];
      return c;
    },
  },
  {
    name: 'a duplicate option id',
    path: 'options[1].id',
    message: /repeats the id "one"/,
    content: () => {
      const c = good();
      c.options[1]!.id = 'one';
      return c;
    },
  },
  {
    name: 'a bad DOI',
    path: 'references[0].doi',
    message: /must be a DOI such as 10\.1000\/xyz123/,
    content: () => {
      const c = good();
      c.references![0]!.doi = 'doi.org/10.1000/xyz123';
      return c;
    },
  },
  {
    name: 'a reference with no link',
    path: 'references[0].doi',
    message: /needs one of "doi", "pmc" or "url"/,
    content: () => {
      const c = good();
      delete c.references![0]!.doi;
      return c;
    },
  },
  {
    name: 'a field the schema does not know',
    path: 'options[0].summary',
    message: /is not a field explainer content has/,
    content: () => {
      const c = good();
      (c.options[0] as unknown as Record<string, unknown>).summary = 'extra';
      return c;
    },
  },
  {
    name: 'a facet value of the wrong type',
    path: 'options[1].facets.effect',
    message: /must be text, or an object with "label" and "text"/,
    content: () => {
      const c = good();
      (c.options[1]!.facets as Record<string, unknown>).effect = 5;
      return c;
    },
  },
  {
    name: 'options that are not a list',
    path: 'options',
    message: /must be a list/,
    content: () => ({ ...good(), options: { one: {} } }),
  },
  { name: 'no options', path: 'options', message: /must list at least one option/, content: () => ({ ...good(), options: [] }) },
  { name: 'something that is not content', path: '(content)', message: /must be an object/, content: () => 42 },
];

const FALLBACK = '<p class="fallback">The comparison, as plain text.</p>';

async function withContent(content: unknown): Promise<ModalityEl> {
  const el = await fixture<ModalityEl>(`<modality-explainer selected="two">${FALLBACK}</modality-explainer>`);
  el.content = content as ExplainerContent;
  await el.updateComplete;
  return el;
}

/** What a person sees: the alert, each listed problem with its path, the fallback again. */
function expectErrorShown(el: ModalityEl, path: string, message: RegExp): void {
  const error = $(el, '[part="error"]');
  expect(error.getAttribute('role')).to.equal('alert');
  expect(isShown(error)).to.equal(true);
  expect(norm(error.querySelector('p')?.textContent)).to.equal('This comparison could not be shown. Its content has a problem:');
  const items = [...error.querySelectorAll('li')];
  const item = items.find((li) => norm(li.querySelector('code')?.textContent) === path);
  expect(item, `a listed problem names ${path}; listed: ${items.map((li) => norm(li.textContent)).join(' | ')}`).to.not.equal(undefined);
  expect(norm(item!.textContent)).to.match(message);
  expect($$(el, '[part="base"]'), 'the comparison itself is not shown').to.have.length(0);
  const fallback = el.querySelector('.fallback')!;
  expect(fallback.assignedSlot, 'the fallback is slotted again').to.not.equal(null);
  expect(isShown(fallback), 'the fallback is visible again').to.equal(true);
}

function expectErrorEvent(events: CustomEvent<ExplainerErrorDetail>[], source: string, path: string, message: RegExp): void {
  expect(events).to.have.length(1);
  const detail = events[0]!.detail;
  expect(detail.source).to.equal(source);
  const issue = detail.issues.find((i) => i.path === path);
  expect(issue, `an issue names ${path}; issues: ${JSON.stringify(detail.issues)}`).to.not.equal(undefined);
  expect(issue!.message).to.match(message);
  const first = detail.issues[0]!;
  expect(detail.message).to.equal(`${first.path} ${first.message}`);
}

describe('invalid content', () => {
  let watch: ReturnType<typeof watchWindowErrors>;
  let recorder: ReturnType<typeof recordEvents<'explainer-error'>>;
  beforeEach(() => {
    watch = watchWindowErrors();
    recorder = recordEvents('explainer-error');
  });
  afterEach(() => {
    watch.stop();
    recorder.stop();
    expect(watch.errors, 'nothing uncaught reached window').to.deep.equal([]);
  });

  it('the base content of these cases is valid', async () => {
    const el = await withContent(good());
    expect(norm($(el, '[part="title"]').textContent)).to.equal('Two ways');
    expect(recorder.events.map((e) => e.detail)).to.deep.equal([]);
    expect(isShown(el.querySelector('.fallback')!), 'the fallback is hidden while content shows').to.equal(false);
  });

  for (const c of cases) {
    it(`names the field for ${c.name} (${c.path})`, async () => {
      const el = await withContent(c.content());
      expectErrorShown(el, c.path, c.message);
      expectErrorEvent(recorder.events, 'property', c.path, c.message);
    });
  }

  it('names the field when a src file fails the schema', async () => {
    const el = await fixture<ModalityEl>(`<modality-explainer src="/test/fixtures/explainer-invalid.json">${FALLBACK}</modality-explainer>`);
    expectErrorShown(el, 'options[1].label', /must not be empty/);
    expectErrorEvent(recorder.events, 'src', 'options[1].label', /must not be empty/);
  });

  it('reports malformed JSON from src', async () => {
    const el = await fixture<ModalityEl>(`<modality-explainer src="/test/fixtures/explainer-malformed.json">${FALLBACK}</modality-explainer>`);
    expectErrorShown(el, '(content)', /is not valid JSON/);
    expectErrorEvent(recorder.events, 'src', '(content)', /is not valid JSON/);
  });

  it('reports malformed JSON from an inline script', async () => {
    const el = await fixture<ModalityEl>(`<modality-explainer><script type="application/json">{"title": "x",}</script>${FALLBACK}</modality-explainer>`);
    expectErrorShown(el, '(content)', /is not valid JSON/);
    expectErrorEvent(recorder.events, 'script', '(content)', /is not valid JSON/);
  });

  it('lists three problems and counts the rest', async () => {
    const c = good();
    c.title = '';
    c.options[0]!.label = '';
    c.options[1]!.label = '';
    c.references![0]!.doi = 'bad';
    c.options[1]!.references = ['nope'];
    const el = await withContent(c);
    const items = $$(el, '[part="error"] li').map((li) => norm(li.textContent));
    expect(items).to.have.length(4);
    expect(items[3]).to.equal('and 2 more');
    expect(recorder.events[0]!.detail.issues).to.have.length(5);
  });

  it('shows the error in place of earlier good content, and good content in place of the error', async () => {
    const el = await withContent(good());
    el.content = { ...good(), title: '' };
    await el.updateComplete;
    expectErrorShown(el, 'title', /must not be empty/);
    el.content = good();
    await el.updateComplete;
    expect($$(el, '[part="error"]')).to.have.length(0);
    expect(norm($(el, '[part="title"]').textContent)).to.equal('Two ways');
    expect(isShown(el.querySelector('.fallback')!)).to.equal(false);
  });

  it('lets the page hear the error on document, bubbling and composed', async () => {
    await withContent({ ...good(), title: '' });
    const event = recorder.events[0]!;
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
  });

  it('keeps the message as text: markup in the content is not interpreted', async () => {
    const c = good();
    (c.options[0] as unknown as Record<string, unknown>)['<img src=x onerror=alert(1)>'] = 1;
    const el = await fixture<ModalityEl>(html`<modality-explainer></modality-explainer>`);
    el.content = c;
    await el.updateComplete;
    expect($$(el, '[part="error"] img')).to.have.length(0);
    expect(norm($(el, '[part="error"] code').textContent)).to.equal('options[0].<img src=x onerror=alert(1)>');
  });
});

import { expect } from '@open-wc/testing';
import { parseExplainerContent, type ParseResult } from '../../src/explainer/content-schema.js';
import type { ExplainerContent } from '../../src/explainer/content-types.js';
import { modalityContent } from '../../src/explainer/content/modalities.js';
import { pathwayContent } from '../../src/explainer/content/pathways.js';
import { articleReferenceList } from '../../src/explainer/content/references.js';

const good = (): ExplainerContent => ({
  title: 'Two ways',
  facets: [{ id: 'effect', label: 'Effect' }],
  options: [
    { id: 'one', label: 'One', facets: { effect: 'Some' }, references: ['a'] },
    { id: 'two', label: 'Two', facets: { effect: { label: 'Own label', text: 'More' } } },
  ],
  references: [{ id: 'a', citation: 'A. Example. 2025.', doi: '10.1000/xyz123' }],
});

/** The issues of a failed parse, as "path: message" lines. */
function issues(result: ParseResult): string[] {
  if (result.ok) throw new Error('expected the content to fail the schema, but it passed');
  return result.issues.map((i) => `${i.path}: ${i.message}`);
}

function broken(change: (c: ExplainerContent & Record<string, unknown>) => void): string[] {
  const c = good() as ExplainerContent & Record<string, unknown>;
  change(c);
  return issues(parseExplainerContent(c));
}

describe('content schema', () => {
  it('accepts both presets and their five references', () => {
    for (const content of [modalityContent, pathwayContent]) {
      const result = parseExplainerContent(content);
      expect(result.ok, result.ok ? '' : JSON.stringify(result.issues)).to.equal(true);
    }
    expect(articleReferenceList).to.have.length(5);
  });

  it('accepts content as a JSON string and returns it parsed', () => {
    const result = parseExplainerContent(JSON.stringify(good()));
    expect(result).to.deep.equal({ ok: true, content: good() });
  });

  it('trims text', () => {
    const result = parseExplainerContent({ ...good(), title: '  Two ways\n' });
    expect(result.ok && result.content.title).to.equal('Two ways');
  });

  it('reports malformed JSON on the whole content, never throwing', () => {
    expect(issues(parseExplainerContent('{"title": '))[0]).to.match(/^\(content\): is not valid JSON: /);
    expect(issues(parseExplainerContent(''))[0]).to.match(/^\(content\): is not valid JSON/);
  });

  it('reports content that is not an object', () => {
    for (const value of [null, 42, [], undefined]) {
      expect(issues(parseExplainerContent(value)), String(value)).to.have.length(1);
    }
    expect(issues(parseExplainerContent(42))).to.deep.equal(['(content): must be an object']);
    expect(issues(parseExplainerContent(undefined))).to.deep.equal(['(content): is required']);
  });

  it('names missing and empty required text', () => {
    expect(broken((c) => delete (c as Partial<ExplainerContent>).title)).to.deep.equal(['title: is required']);
    expect(broken((c) => (c.title = ' '))).to.deep.equal(['title: must not be empty']);
    expect(broken((c) => (c.options[1]!.label = ''))).to.deep.equal(['options[1].label: must not be empty']);
    expect(broken((c) => (c.facets[0]!.label = ''))).to.deep.equal(['facets[0].label: must not be empty']);
    expect(broken((c) => (c.options[0]!.facets.effect = { label: 'L', text: '' }))).to.deep.equal([
      'options[0].facets.effect.text: must not be empty',
    ]);
    expect(broken((c) => ((c.options[0]!.facets as Record<string, unknown>).effect = { text: 'T' }))).to.deep.equal([
      'options[0].facets.effect: must be text, or an object with "label" and "text"',
    ]);
  });

  it('limits the length of text', () => {
    expect(broken((c) => (c.title = 'x'.repeat(201)))).to.deep.equal(['title: must be at most 200 characters']);
    expect(parseExplainerContent({ ...good(), title: 'x'.repeat(200) }).ok).to.equal(true);
    expect(broken((c) => (c.options[0]!.kicker = 'k'.repeat(81)))).to.deep.equal(['options[0].kicker: must be at most 80 characters']);
  });

  it('needs at least one facet and between one and twelve options', () => {
    expect(broken((c) => (c.facets = []))[0]).to.equal('facets: must list at least one facet');
    expect(broken((c) => (c.options = []))).to.deep.equal(['options: must list at least one option']);
    const many = Array.from({ length: 13 }, (_, i) => ({ id: `o${i}`, label: `O${i}`, facets: {} }));
    expect(broken((c) => (c.options = many))).to.deep.equal(['options: must list at most 12 options']);
    expect(parseExplainerContent({ ...good(), options: many.slice(0, 12) }).ok).to.equal(true);
  });

  it('names an unknown facet key with the facets it could have been', () => {
    expect(broken((c) => (c.options[0]!.facets.colour = 'Blue'))).to.deep.equal([
      'options[0].facets.colour: is not one of the declared facets (effect)',
    ]);
  });

  it('names an unknown reference id', () => {
    expect(broken((c) => (c.options[1]!.references = ['a', 'b']))).to.deep.equal([
      'options[1].references[1]: names reference "b", which is not in "references"',
    ]);
    expect(broken((c) => delete c.references)).to.deep.equal(['options[0].references[0]: names reference "a", which is not in "references"']);
  });

  it('names a repeated option id', () => {
    expect(broken((c) => (c.options[1]!.id = 'one'))).to.deep.equal(['options[1].id: repeats the id "one"']);
  });

  it('checks ids are short identifiers', () => {
    expect(broken((c) => (c.options[0]!.id = 'has space'))).to.deep.equal([
      'options[0].id: must be a short identifier: a letter, then letters, digits, - or _',
    ]);
    expect(broken((c) => (c.options[0]!.id = '"><img>'))[0]).to.match(/^options\[0\]\.id: must be a short identifier/);
  });

  it('checks DOIs, PMC ids and URLs, and that a reference has one of them', () => {
    expect(broken((c) => (c.references![0]!.doi = 'https://doi.org/10.1000/xyz123'))).to.deep.equal([
      'references[0].doi: must be a DOI such as 10.1000/xyz123',
    ]);
    expect(broken((c) => (c.references![0]!.pmc = '12654782'))).to.deep.equal([
      'references[0].pmc: must be a PubMed Central id such as PMC1234567',
    ]);
    expect(broken((c) => (c.references![0]!.url = 'javascript:alert(1)'))).to.deep.equal(['references[0].url: must be an http or https URL']);
    expect(
      broken((c) => {
        delete c.references![0]!.doi;
      }),
    ).to.deep.equal(['references[0].doi: needs one of "doi", "pmc" or "url" so readers can find it']);
    const byUrl = good();
    byUrl.references = [{ id: 'a', citation: 'A.', url: 'https://example.org/a' }];
    expect(parseExplainerContent(byUrl).ok).to.equal(true);
  });

  it('names fields it does not know, at their own path', () => {
    expect(broken((c) => (c.subtitle = 'x'))).to.deep.equal(['subtitle: is not a field explainer content has']);
    expect(
      broken((c) => {
        (c.options[0] as unknown as Record<string, unknown>).summary = 'x';
        (c.options[0] as unknown as Record<string, unknown>).extra = 'y';
      }),
    ).to.deep.equal(['options[0].summary: is not a field explainer content has', 'options[0].extra: is not a field explainer content has']);
  });

  it('reads content version 1 only', () => {
    expect(parseExplainerContent({ ...good(), schemaVersion: 1 }).ok).to.equal(true);
    expect(broken((c) => (c.schemaVersion = 2 as 1))).to.deep.equal([
      'schemaVersion: must be 1: this version of loadwise reads content version 1',
    ]);
  });

  it('reports every problem, not just the first', () => {
    const found = broken((c) => {
      c.title = '';
      c.options[1]!.label = '';
      c.references![0]!.doi = 'bad';
    });
    expect(found.map((line) => line.split(':')[0])).to.deep.equal(['title', 'options[1].label', 'references[0].doi']);
  });
});

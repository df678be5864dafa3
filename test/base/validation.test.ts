import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { formatPath, validate } from '../../src/base/validation.js';

describe('validation', () => {
  it('formats paths the way people read them', () => {
    expect(formatPath(['options', 1, 'facets', 'effect'])).to.equal('options[1].facets.effect');
    expect(formatPath(['references', 0, 'doi'])).to.equal('references[0].doi');
    expect(formatPath(['title'])).to.equal('title');
    expect(formatPath([], '(content)')).to.equal('(content)');
    expect(formatPath([])).to.equal('(root)');
    expect(formatPath([0, 'a'])).to.equal('[0].a');
  });

  const schema = z.strictObject({
    name: z.string(),
    count: z.int().check(z.minimum(1, 'must be at least 1')),
    tags: z.optional(z.array(z.string())),
  });

  it('says in plain words what a field without its own message is missing', () => {
    const result = validate(schema, { count: 'two', tags: 'x' });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.issues).to.deep.equal([
      { path: 'name', message: 'is required' },
      { path: 'count', message: 'must be a number' },
      { path: 'tags', message: 'must be a list' },
    ]);
    const fractional = validate(schema, { name: 'a', count: 2.5 });
    expect(fractional.ok ? [] : fractional.issues).to.deep.equal([{ path: 'count', message: 'must be a whole number' }]);
  });

  it('keeps the messages a schema states, and names each unknown field', () => {
    const result = validate(schema, { name: 'a', count: 0, extra: 1, more: 2 }, { unknownField: 'is not allowed here' });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.issues).to.deep.equal([
      { path: 'count', message: 'must be at least 1' },
      { path: 'extra', message: 'is not allowed here' },
      { path: 'more', message: 'is not allowed here' },
    ]);
  });

  it('returns the parsed value when it is valid, and never throws on anything', () => {
    expect(validate(schema, { name: 'a', count: 2 })).to.deep.equal({ ok: true, value: { name: 'a', count: 2 } });
    for (const input of [undefined, null, 42, 'text', [], Symbol('s')]) {
      const result = validate(schema, input, { root: '(session)' });
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.issues[0]!.path).to.equal('(session)');
    }
  });
});

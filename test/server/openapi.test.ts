/**
 * server/openapi.yaml is the written protocol: it must parse, every reference in it must resolve,
 * it must describe exactly the routes the server has, and its record schemas must say what the
 * zod schemas that both browser and server validate with say.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Validator } from '@seriousme/openapi-schema-validator';
import * as z from 'zod/mini';
import { glucoseReadingSchema, trainingSessionSchema } from '../../src/tracking/model.js';
import { createApp, hmacTokens, type Database } from '../../server/index.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const spec = parse(readFileSync(new URL('../../server/openapi.yaml', import.meta.url), 'utf8')) as { [key: string]: Json };

function resolve(ref: string): Json {
  assert.match(ref, /^#\//, `only local references: ${ref}`);
  let node: Json = spec;
  for (const part of ref.slice(2).split('/')) {
    assert.ok(node && typeof node === 'object' && !Array.isArray(node) && part in node, `${ref} does not resolve`);
    node = (node as { [key: string]: Json })[part]!;
  }
  return node;
}

/** The schema with every $ref replaced by what it names, and the words for people left out. */
function inline(node: Json): Json {
  if (Array.isArray(node)) return node.map(inline);
  if (!node || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') return inline(resolve(node.$ref));
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== 'description' && key !== 'example')
      .map(([key, value]) => [key, inline(value)]),
  );
}

/** zod's JSON Schema for a record, without what the spec leaves to `format` (the long patterns). */
function fromZod(schema: z.ZodMiniType): Json {
  const strip = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(strip);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key]) => key !== 'pattern' && key !== '$schema')
        .map(([key, value]) => [key, strip(value)]),
    );
  };
  return strip(z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Json);
}

describe('openapi.yaml', () => {
  it('is valid OpenAPI 3.1, and every reference in it resolves', async () => {
    assert.match(String(spec.openapi), /^3\.1\./);
    const result = await new Validator().validate(spec as Record<string, unknown>);
    assert.deepEqual(result.errors ?? [], [], JSON.stringify(result.errors, null, 2));
    assert.equal(result.valid, true);
    const walk = (node: Json) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        if (typeof node.$ref === 'string') resolve(node.$ref);
        Object.values(node).forEach(walk);
      }
    };
    walk(spec);
  });

  it('describes exactly the routes the server has', () => {
    const app = createApp({ database: {} as Database, verify: () => null, demoTokens: hmacTokens('only listing routes, never signing') });
    const served = app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    const documented = Object.entries(spec.paths as { [path: string]: { [method: string]: Json } })
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((key) => ['get', 'put', 'post', 'delete', 'patch'].includes(key))
          .map((method) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    assert.deepEqual(documented, served);
  });

  it('states the record schemas as the zod schemas do', () => {
    const schemas = (spec.components as { schemas: { [name: string]: Json } }).schemas;
    assert.deepEqual(inline(schemas.TrainingSession!), fromZod(trainingSessionSchema));
    assert.deepEqual(inline(schemas.GlucoseReading!), fromZod(glucoseReadingSchema));
  });
});

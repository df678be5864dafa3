/** A minimal client for the protocol, the way a browser adapter speaks it: fetch, headers, JSON. */
import { randomUUID } from 'node:crypto';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface WriteOptions {
  /** Create (`If-None-Match: *`). */
  create?: boolean;
  /** The revision replaced (`If-Match`). */
  rev?: string;
  /** The idempotency key; a new one unless given (`null`: send none). */
  key?: string | null;
  headers?: Record<string, string>;
}

export class Api {
  constructor(
    readonly base: string,
    readonly token?: string,
  ) {}

  async request(method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}), ...init.headers };
    const response = await fetch(this.base + path, { method, headers, ...(init.body === undefined ? {} : { body: init.body }) });
    const text = await response.text();
    const type = response.headers.get('Content-Type') ?? '';
    return { status: response.status, headers: response.headers, body: /json/.test(type) && text ? JSON.parse(text) : text };
  }

  put<R extends { id: string }>(collection: string, record: R, options: WriteOptions = {}): Promise<Reply> {
    return this.request('PUT', `/v1/${collection}/${record.id}`, {
      headers: { 'Content-Type': 'application/json', ...writeHeaders(options) },
      body: JSON.stringify(record),
    });
  }

  get(collection: string, id: string): Promise<Reply> {
    return this.request('GET', `/v1/${collection}/${id}`);
  }

  remove(collection: string, id: string, options: WriteOptions = {}): Promise<Reply> {
    return this.request('DELETE', `/v1/${collection}/${id}`, { headers: writeHeaders(options) });
  }

  list(collection: string, query: Record<string, string | number | boolean> = {}): Promise<Reply> {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
    return this.request('GET', `/v1/${collection}${search.size ? `?${search}` : ''}`);
  }

  changes(since?: number, limit?: number): Promise<Reply> {
    const search = new URLSearchParams();
    if (since !== undefined) search.set('since', String(since));
    if (limit !== undefined) search.set('limit', String(limit));
    return this.request('GET', `/v1/changes${search.size ? `?${search}` : ''}`);
  }
}

function writeHeaders({ create, rev, key, headers }: WriteOptions): Record<string, string> {
  return {
    ...(create ? { 'If-None-Match': '*' } : {}),
    ...(rev !== undefined ? { 'If-Match': `"${rev}"` } : {}),
    ...(key === null ? {} : { 'Idempotency-Key': key ?? randomUUID() }),
    ...headers,
  };
}

/**
 * Content ids: a row without an id of its own (a CSV row typed into a spreadsheet) gets one made
 * from what it holds, so importing the same file twice finds the same ids and writes nothing twice.
 * The canonical form is also how a row is compared with what is stored.
 *
 * Pure functions; nothing here touches storage.
 */

/** A JSON-like value with its object keys sorted and empty values (`''`, `[]`, `{}`, undefined) left out. */
export function canonical(value: unknown, ignore: readonly string[] = []): string {
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.length ? v.map(clean) : undefined;
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) {
        const c = clean((v as Record<string, unknown>)[key]);
        if (c !== undefined) out[key] = c;
      }
      return Object.keys(out).length ? out : undefined;
    }
    return v === '' ? undefined : v;
  };
  const top = value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([k]) => !ignore.includes(k))) : value;
  return JSON.stringify(clean(top) ?? null);
}

/** A 128-bit hash of `text` as 32 hex digits: not cryptographic, but plenty to tell rows apart. */
export function hash128(text: string): string {
  let h1 = 0x6a09e667,
    h2 = 0xbb67ae85,
    h3 = 0x3c6ef372,
    h4 = 0xa54ff53a;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

/** A UUID (version 8: "custom") made from a hash, so the same content always gets the same id. */
export function uuidFromHash(hex: string): string {
  const v = `${hex.slice(0, 12)}8${hex.slice(13, 16)}${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 32)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}`;
}

/**
 * The id `record`'s content makes: its canonical form without its `id` and the `ignore`d fields
 * (those the importer filled in), hashed, as a UUID. The same row always hashes the same.
 */
export function contentId(record: Record<string, unknown>, ignore: readonly string[] = []): string {
  return uuidFromHash(hash128(canonical(record, [...ignore, 'id'])));
}

/**
 * The conformance suite against the localStorage adapter: records under
 * `loadwise:<namespace>:<collection>/<id>` as JSON text, in this page's real localStorage (shared
 * with the second tab the suite opens, which is a page of the same origin and browser context).
 */
import { LocalStorageAdapter, LocalStorageBackend } from '../../../src/tracking/storage/local-storage.js';
import { describeAdapterConformance } from './conformance.js';

const prefix = (namespace: string) => `loadwise:${namespace}:`;
const keysIn = (namespace: string) =>
  Object.keys(localStorage)
    .filter((k) => k.startsWith(prefix(namespace)))
    .map((k) => k.slice(prefix(namespace).length));

/** Filler keys: outside every loadwise namespace, as another script on the site would write. */
const FILLER = 'conformance-filler:';
const fillers = () => Object.keys(localStorage).filter((k) => k.startsWith(FILLER));
/** The site's own keys the suite writes, to check they are left alone. */
const foreignKeys = new Set<string>();

describeAdapterConformance('localStorage', {
  kind: 'local',
  persistent: true,
  secondTab: 'local',
  create: (namespace, options) => new LocalStorageAdapter({ namespace, ...options }),
  createBackend: (namespace) => new LocalStorageBackend(namespace),
  raw: {
    entries: async (namespace) => new Map(keysIn(namespace).map((key) => [key, localStorage.getItem(prefix(namespace) + key)])),
    get: async (namespace, key) => localStorage.getItem(prefix(namespace) + key) ?? undefined,
    set: async (namespace, entries) => {
      for (const [key, raw] of entries) localStorage.setItem(prefix(namespace) + key, raw as string);
    },
  },
  keyOf: (collection, id) => `${collection}/${id}`,
  encode: (value) => JSON.stringify(value),
  decode: (raw) => JSON.parse(raw as string),
  // Cut off mid-write: not JSON at all.
  unreadable: { raw: '{"rev":"2-0badf00d","record":{"id":"', reason: 'corrupt-json' },
  foreign: {
    set: async (key, raw) => {
      foreignKeys.add(key);
      localStorage.setItem(key, raw as string);
    },
    get: async (key) => localStorage.getItem(key) ?? undefined,
    clear: async () => {
      for (const key of foreignKeys) localStorage.removeItem(key);
      foreignKeys.clear();
    },
  },
  clear: async (namespace) => {
    for (const key of keysIn(namespace)) localStorage.removeItem(prefix(namespace) + key);
  },
  quota: {
    /** Writes ever smaller filler values until even one character is refused. */
    async fill() {
      let size = 1 << 20;
      let n = fillers().length;
      while (size >= 1) {
        try {
          localStorage.setItem(`${FILLER}${n}`, 'f'.repeat(size));
          n++;
        } catch (error) {
          if ((error as DOMException).name !== 'QuotaExceededError') throw error;
          size = Math.floor(size / 2);
        }
      }
    },
    /** Shortens the largest filler by 32 characters. */
    async releaseSome() {
      const key = fillers().sort((a, b) => localStorage.getItem(b)!.length - localStorage.getItem(a)!.length)[0];
      const value = key === undefined ? '' : localStorage.getItem(key)!;
      if (!key || value.length < 32) return false;
      localStorage.setItem(key, value.slice(32));
      return true;
    },
    async release() {
      for (const key of fillers()) localStorage.removeItem(key);
    },
  },
  measuresBytes: true,
});

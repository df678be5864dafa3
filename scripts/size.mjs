// Prints the minified and gzipped size of every entry as a site or a CDN serves it: the entry with
// everything it imports statically (Lit and zod included), plus what it loads only on demand.
// Fails when an entry is over its budget.
import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { libraryEntries, standaloneBuild } from './entries.mjs';

/** gzip budgets in KB, from the issues that set them. */
const budgets = {
  'modality-explainer': 14,
  'pathway-comparison': 14,
  explainers: 14,
};

const kb = (bytes) => (bytes / 1024).toFixed(1);
const rows = [];
let failed = false;

for (const [name, entry] of Object.entries(libraryEntries)) {
  const result = await build({ ...standaloneBuild({ name, entry, write: false }), logLevel: 'silent' });
  const chunks = new Map((Array.isArray(result) ? result[0] : result).output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const main = [...chunks.values()].find((c) => c.isEntry);
  // Walk static imports from the entry: what loads before the element can render.
  const eager = new Set();
  const visit = (file) => {
    if (eager.has(file)) return;
    eager.add(file);
    for (const dep of chunks.get(file)?.imports ?? []) visit(dep);
  };
  visit(main.fileName);
  const measure = (files) =>
    files.reduce(
      (sum, f) => {
        const code = Buffer.from(chunks.get(f).code);
        return { min: sum.min + code.length, gzip: sum.gzip + gzipSync(code, { level: 9 }).length };
      },
      { min: 0, gzip: 0 },
    );
  const now = measure([...eager]);
  const lazy = measure([...chunks.keys()].filter((f) => !eager.has(f)));
  const budget = budgets[name];
  const over = budget !== undefined && now.gzip / 1024 > budget;
  failed ||= over;
  rows.push({
    entry: `loadwise/${name === 'index' ? '' : name}`.replace(/\/$/, ''),
    'min KB': kb(now.min),
    'gzip KB': kb(now.gzip),
    'on demand gzip KB': lazy.gzip ? kb(lazy.gzip) : '',
    budget: budget === undefined ? '' : `${budget} KB ${over ? 'OVER' : 'ok'}`,
  });
}
console.log('Sizes with every dependency bundled and minified (gzip -9):');
console.table(rows);
if (failed) {
  console.error('An entry is over its gzip budget.');
  process.exit(1);
}

// Fails when custom-elements.json is not what `npm run analyze` would write from the source now:
// Storybook's controls and editors' completions read it, so it must not drift from the JSDoc.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const pkgText = readFileSync('package.json', 'utf8');
const pkg = JSON.parse(pkgText);
// The analyzer takes --outdir relative to the working directory, so the scratch folder is local.
const outdir = join('node_modules', '.cache', 'loadwise-cem-check');
mkdirSync(outdir, { recursive: true });

let fresh;
try {
  // The same command as the "analyze" script, written to a scratch folder.
  execFileSync('sh', ['-c', `${pkg.scripts.analyze} --outdir "${outdir}"`], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PATH: `node_modules/.bin:${process.env.PATH}` },
  });
  fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
} finally {
  // The analyzer points package.json's "customElements" at wherever it wrote (it has no switch to
  // stop it): put the file back exactly as it was.
  writeFileSync('package.json', pkgText);
  rmSync(outdir, { recursive: true, force: true });
}

let committed = '';
try {
  committed = readFileSync('custom-elements.json', 'utf8');
} catch {
  // A missing manifest is out of date too.
}
// Compared module by module: the analyzer may list files in another order from one run to the next,
// which is not drift. A module whose content differs is, and is named.
const byPath = (text) => new Map((text ? JSON.parse(text).modules : []).map((m) => [m.path, JSON.stringify(m)]));
const [now, then] = [byPath(fresh), byPath(committed)];
const differ = [...new Set([...now.keys(), ...then.keys()])].filter((path) => now.get(path) !== then.get(path));
if (!committed || differ.length) {
  console.error(`custom-elements.json is out of date (${differ.join(', ') || 'missing'}): run \`npm run analyze\` and commit it.`);
  process.exit(1);
}
console.log('custom-elements.json is up to date.');

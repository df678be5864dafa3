// Builds the self-contained CDN files (dist/cdn/*.js): every dependency inlined, dynamic imports
// too, so one <script type="module" src="…"> is all a blog needs.
import { build } from 'vite';
import { cdnBundles, standaloneBuild } from './entries.mjs';

for (const [name, entry] of Object.entries(cdnBundles)) {
  await build(standaloneBuild({ name, entry, codeSplitting: false }));
  console.log(`dist/cdn/${name}.js`);
}

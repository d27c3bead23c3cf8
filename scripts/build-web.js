// Builds the web app (apps/web) into dist/web: first its API types, from the compiled API's OpenAPI document
// (scripts/generate-web-api-types.js; `npm run build:web` compiles the API first), then bundled, minified scripts (one per role's pages, loaded on
// demand) and a stylesheet with content hashes in their names (so the API can let browsers keep them), index.html pointing at them, the language
// files, and gzip and brotli copies of each for slow connections.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { generateWebApiTypes } from './generate-web-api-types.js';

const source = 'apps/web/src';
const out = 'dist/web';

const locales = readdirSync(join(source, 'i18n'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => {
    const messages = JSON.parse(readFileSync(join(source, 'i18n', name), 'utf8'));
    return { code: name.slice(0, -'.json'.length), name: messages['language.name'] };
  });

// esbuild does not type-check, but a build leaves the types a type-check and an editor need.
await generateWebApiTypes();

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'i18n'), { recursive: true });

const bundle = await build({
  entryPoints: [join(source, 'main.ts'), join(source, 'styles.css')],
  bundle: true,
  splitting: true,
  minify: true,
  format: 'esm',
  target: ['es2020'],
  define: { __LOCALES__: JSON.stringify(locales) },
  entryNames: '[name]-[hash]',
  chunkNames: 'chunks/[name]-[hash]',
  outdir: out,
  metafile: true,
  logLevel: 'warning',
});
const files = {};
for (const [path, output] of Object.entries(bundle.metafile.outputs)) {
  if (output.entryPoint === `${source}/main.ts`) files['main.js'] = path.slice(out.length + 1);
  if (output.entryPoint === `${source}/styles.css`) files['styles.css'] = path.slice(out.length + 1);
}
const scriptBytes = bundle.metafile.outputs[join(out, files['main.js'])].bytes;

const index = readFileSync(join(source, 'index.html'), 'utf8')
  .replace('/app/main.js', `/app/${files['main.js']}`)
  .replace('/app/styles.css', `/app/${files['styles.css']}`);
writeFileSync(join(out, 'index.html'), index);

for (const { code } of locales) {
  const messages = JSON.parse(readFileSync(join(source, 'i18n', `${code}.json`), 'utf8'));
  writeFileSync(join(out, 'i18n', `${code}.json`), JSON.stringify(messages));
}

for (const path of readdirSync(out, { recursive: true }).map((name) => join(out, name))) {
  if (!/\.(js|css|html|json)$/.test(path)) continue;
  const content = readFileSync(path);
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  writeFileSync(`${path}.br`, brotliCompressSync(content));
}
console.log(`web app built into ${out}: ${files['main.js']} (${scriptBytes} bytes), ${locales.length} languages`);

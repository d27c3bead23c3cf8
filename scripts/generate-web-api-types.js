// Generates the web app's API types (apps/web/src/api/openapi.generated.d.ts) from the OpenAPI document of
// the compiled API (`nest build api` first), with openapi-typescript: the web app names the schemas it reads
// in apps/web/src/api/types.ts, and no shape of the API is written by hand a second time.
//
// The file is not committed (it is in .gitignore), like dist/: it is made from the API's decorators by the
// commands that need it, `npm run build` (so `npm start` and `npm test`), `npm run build:web` and
// `npm run typecheck`, so it can never be stale and a change of the API breaks the web app's type-check at once.
// Until one of them has run, an editor finds no such file.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

const WRITE_OPENAPI = 'dist/apps/api/apps/api/src/cli/write-openapi.js';
export const WEB_API_TYPES = 'apps/web/src/api/openapi.generated.d.ts';

export async function generateWebApiTypes() {
  if (!existsSync(WRITE_OPENAPI)) throw new Error(`${WRITE_OPENAPI} is missing: compile the API first (nest build api)`);
  // The document as /docs-json serves it, built in a process of its own without a server, database or Redis.
  const document = JSON.parse(execFileSync(process.execPath, [WRITE_OPENAPI], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  const ast = await openapiTS(document, { silent: true });
  writeFileSync(
    WEB_API_TYPES,
    `${COMMENT_HEADER}// Made from the API's OpenAPI document by scripts/generate-web-api-types.js.\n\n${astToString(ast)}`,
  );
}

if (import.meta.main) {
  await generateWebApiTypes();
  console.log(`API types generated into ${WEB_API_TYPES}`);
}

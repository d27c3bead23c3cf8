// Writes the API's OpenAPI document, as /docs-json serves it, to the file named by the first argument
// (stdout without one), with no database, Redis or listening server: the web app's build generates its
// API types from it (scripts/build-web.js).
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { runMain } from '@near/common';
import { loadAppConfig } from '@near/config';
import { buildOpenApiDocumentOffline } from '../http/openapi.js';

runMain('write-openapi', async () => {
  // The document depends on no setting: the defaults, not this machine's .env or NODE_ENV (production would ask for
  // secrets a build does not have), so every build writes the same one.
  const loaded = await loadAppConfig({
    ignoreEnvFile: true,
    overrides: { NODE_ENV: 'development', LOG_LEVEL: 'silent', DEMO_DATA: 'false' },
  });
  const json = `${JSON.stringify(await buildOpenApiDocumentOffline(loaded), null, 2)}\n`;
  const [path] = process.argv.slice(2);
  if (path) writeFileSync(path, json);
  else process.stdout.write(json);
});

// Before an operator's command (npm run migration:run, log:export, audit:verify, log:verify, …), which runs built
// code: the API's (`api`, the default) or the offline verifier's (`verifier`). In a developer's checkout (the build
// tools installed, NODE_ENV not production) it builds that first, so the command runs the code as it stands. On a
// server installed with `npm ci --omit=dev` (docs/operations.md) there is nothing to build with, and rebuilding
// dist/ under running processes would pull it from under them: the command runs what `npm run build` left there,
// and says how to get it when nothing is.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TARGETS = {
  api: { tool: 'node_modules/.bin/nest', build: 'nest build api', built: 'dist/apps/api/apps/api/src/cli' },
  verifier: {
    tool: 'node_modules/.bin/tsc',
    build: 'tsc -p apps/verifier/tsconfig.json',
    built: 'dist/verifier/apps/verifier/src/main.js',
  },
};
const target = TARGETS[process.argv[2] ?? 'api'];

if (existsSync(target.tool) && process.env.NODE_ENV !== 'production') {
  execSync(target.build, { stdio: 'inherit' });
} else if (!existsSync(target.built)) {
  console.error(
    `${target.built} is missing: build first with npm run build (it needs the dev dependencies), ` +
      'then install what runs with npm ci --omit=dev (docs/operations.md).',
  );
  process.exit(1);
}

// Before an operator's command (npm run migration:run, log:export, audit:verify, …), which runs the built API's code.
// In a developer's checkout (the build tools installed, NODE_ENV not production) it builds the API first, so the
// command runs the code as it stands. On a server installed with `npm ci --omit=dev` (docs/operations.md) there is
// nothing to build with, and rebuilding dist/ under running processes would pull it from under them: the command
// runs what `npm run build` left there, and says how to get it when nothing is.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BUILT = 'dist/apps/api/apps/api/src/cli';

if (existsSync('node_modules/.bin/nest') && process.env.NODE_ENV !== 'production') {
  execSync('nest build api', { stdio: 'inherit' });
} else if (!existsSync(BUILT)) {
  console.error(
    `${BUILT} is missing: build first with npm run build (it needs the dev dependencies), ` +
      'then install what runs with npm ci --omit=dev (docs/operations.md).',
  );
  process.exit(1);
}

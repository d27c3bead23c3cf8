// `npm test` on a fresh machine: the browser suites drive Debian's Chromium, which no npm package can ship.
// Installed from Debian's packages when missing and we may (root with apt-get); otherwise one line says how.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const mayInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!mayInstall) {
    console.error(`npm test needs Chromium at ${CHROMIUM}: install it with \`sudo apt-get install chromium\`, then run npm test again.`);
    process.exit(1);
  }
  console.log(`Installing Chromium (${CHROMIUM} is missing) from Debian's packages…`);
  const apt = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  execSync('apt-get update -qq', apt);
  execSync('apt-get install -y -qq --no-install-recommends chromium', apt);
}

// What the system needs from Debian's packages, installed when missing and we may (root with apt-get);
// otherwise one line says what to install. Used by `npm start` and `npm test` on a fresh machine.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Noto Sans CJK (Korean, Simplified Chinese and Japanese forms) and Noto Sans (Latin, Cyrillic with Mongolian Ө Ү). */
export const FONTS = [
  { package: 'fonts-noto-cjk', file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc' },
  { package: 'fonts-noto-cjk', file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc' },
  { package: 'fonts-noto-core', file: '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf' },
  { package: 'fonts-noto-core', file: '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf' },
];

const mayInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

/** Installs the packages of the files that are missing; exits with the command to run when it may not. */
export function ensurePackages(needs, purpose) {
  const missing = [...new Set(needs.filter((need) => !existsSync(need.file)).map((need) => need.package))];
  if (missing.length === 0) return;
  if (!mayInstall) {
    console.error(
      `${purpose} needs ${missing.join(', ')}: install with \`sudo apt-get install ${missing.join(' ')}\`, then run this again.`,
    );
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} (${purpose}) from Debian's packages…`);
  const apt = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  execSync('apt-get update -qq', apt);
  execSync(`apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`, apt);
}

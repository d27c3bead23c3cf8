// `npm test` on a fresh machine: the browser suites drive Debian's Chromium, which no npm package can ship, and
// take screenshots in six languages, which need fonts for Hangul, Han (Chinese and Japanese forms) and Cyrillic.
// Installed from Debian's packages when missing and we may (root with apt-get); otherwise one line says how.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
// Noto CJK (Hangul, Simplified Chinese and Japanese forms) and Noto core (Latin, Cyrillic with Mongolian Ө Ү).
const FONTS = [
  { package: 'fonts-noto-cjk', file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc' },
  { package: 'fonts-noto-core', file: '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf' },
];

const mayInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

function aptInstall(packages) {
  const apt = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  execSync('apt-get update -qq', apt);
  execSync(`apt-get install -y -qq --no-install-recommends ${packages.join(' ')}`, apt);
}

if (!existsSync(CHROMIUM)) {
  if (!mayInstall) {
    console.error(`npm test needs Chromium at ${CHROMIUM}: install it with \`sudo apt-get install chromium\`, then run npm test again.`);
    process.exit(1);
  }
  console.log(`Installing Chromium (${CHROMIUM} is missing) from Debian's packages…`);
  aptInstall(['chromium']);
}

// Without them the tests still pass, but the screenshots show boxes instead of Korean, Chinese or Japanese.
const missingFonts = FONTS.filter((font) => !existsSync(font.file)).map((font) => font.package);
if (missingFonts.length > 0) {
  if (mayInstall) {
    console.log(`Installing ${missingFonts.join(' and ')} for the screenshots in six languages…`);
    aptInstall(missingFonts);
  } else {
    console.warn(`Screenshots need fonts for six languages: \`sudo apt-get install ${missingFonts.join(' ')}\` (tests run without them).`);
  }
}

// `npm test` on a fresh machine: the browser suites drive Debian's Chromium, which no npm package can ship; the
// worker makes PDF documents with Noto fonts (and the browser's screenshots show six languages with them); the
// document tests read the PDFs with poppler's pdftotext and pdffonts, an implementation independent of ours.
import { ensurePackages, FONTS } from './debian-packages.js';

ensurePackages(
  [{ package: 'chromium', file: '/usr/bin/chromium' }, { package: 'poppler-utils', file: '/usr/bin/pdftotext' }, ...FONTS],
  'npm test',
);

// `npm start` on a fresh clone: install the locked dependencies first when they are not there yet, and the
// fonts the worker embeds in documents.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensurePackages, FONTS } from './debian-packages.js';

if (!existsSync('node_modules/.bin/nest')) {
  console.log('Installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
ensurePackages(FONTS, 'npm start (the documents’ fonts)');

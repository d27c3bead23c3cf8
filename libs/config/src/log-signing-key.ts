import { createHash, generateKeyPairSync } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where development and tests keep the log's signing key they generate once (relative to the working directory). */
export const DEVELOPMENT_LOG_KEY_FILE = 'var/log-signing-key';

/** A C2SP signed-note Ed25519 signer key: `PRIVATE+KEY+<name>+<8 hex digits>+<base64(0x01 ‖ 32-byte seed)>`. */
export const SIGNER_KEY_PATTERN = /^PRIVATE\+KEY\+([!-*,-~]+)\+[0-9a-f]{8}\+A[Q-f][A-Za-z0-9+/]{42}$/;

/** The name a signer key gives itself, or undefined when the text is not one. */
export function signerKeyName(key: string): string | undefined {
  return SIGNER_KEY_PATTERN.exec(key)?.[1];
}

/**
 * The development key: read from DEVELOPMENT_LOG_KEY_FILE, or generated into it the first time. Several
 * processes starting at once agree on one key: each writes its own file whole, then links it into place, which
 * only the first manages; the others read that one (never a file still being written).
 */
export function developmentSigningKey(name: string): string {
  try {
    return readFileSync(DEVELOPMENT_LOG_KEY_FILE, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const hash = createHash('sha256')
    .update(`${name}\n`)
    .update(Buffer.from([1]))
    .update(raw)
    .digest()
    .subarray(0, 4);
  const key = `PRIVATE+KEY+${name}+${hash.toString('hex')}+${Buffer.concat([Buffer.from([1]), seed]).toString('base64')}`;
  mkdirSync(dirname(DEVELOPMENT_LOG_KEY_FILE), { recursive: true });
  const written = `${DEVELOPMENT_LOG_KEY_FILE}.${process.pid}.${Date.now()}`;
  writeFileSync(written, `${key}\n`, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(written, DEVELOPMENT_LOG_KEY_FILE);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(DEVELOPMENT_LOG_KEY_FILE, 'utf8').trim();
  } finally {
    rmSync(written, { force: true });
  }
}

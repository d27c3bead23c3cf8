import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// A TOTP secret at rest: AES-256-GCM under a key derived (HKDF-SHA256) from TOTP_ENCRYPTION_KEY, bound to its
// user (additional data), so that a copied row opens for no other user and a database dump alone opens none.
const VERSION = 'v1';

function keyOf(keyMaterial: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(keyMaterial, 'utf8'), Buffer.alloc(0), 'near totp secret', 32));
}

export function seal(secret: Uint8Array, userId: string, keyMaterial: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(keyMaterial), iv).setAAD(Buffer.from(userId, 'utf8'));
  const sealed = Buffer.concat([cipher.update(secret), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join('.');
}

export function unseal(stored: string, userId: string, keyMaterial: string): Uint8Array {
  const [version, iv, tag, sealed] = stored.split('.');
  if (version !== VERSION || !iv || !tag || !sealed) throw new Error('A sealed TOTP secret in an unknown format');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(keyMaterial), Buffer.from(iv, 'base64'))
    .setAAD(Buffer.from(userId, 'utf8'))
    .setAuthTag(Buffer.from(tag, 'base64'));
  return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]));
}

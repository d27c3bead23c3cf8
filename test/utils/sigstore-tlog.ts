// The log's checkpoints and inclusion proofs put to Sigstore's verifier (sigstore-js, which npm uses to check
// provenance against Rekor): a second implementation of signed notes, checkpoints and RFC 9162 inclusion, written
// by others, beside the one the tests wrote from the specifications (rfc9162.ts).
import type { TransparencyLogEntry } from '@sigstore/bundle';
import { verifyTLogInclusion } from '@sigstore/verify/dist/tlog/index.js';
import type { TLogAuthority } from '@sigstore/verify/dist/trust/index.js';
import { readVerifierKey } from './rfc9162.js';

export interface Inclusion {
  /** The log's verifier key, as `GET /log/key` answers it: `<name>+<key hash>+<base64 of 0x01 ‖ Ed25519 key>`. */
  verifierKey: string;
  /** A whole signed note, as `GET /log/checkpoints/{size}` answers it. */
  checkpoint: string;
  index: number;
  /** The leaf's data, the bytes its hash covers. */
  data: Buffer;
  /** The inclusion proof's hashes, as `GET /log/proof/inclusion` answers them (standard base64). */
  proof: readonly string[];
}

/** Throws Sigstore's VerificationError when the checkpoint's signature, or the leaf's path to its root, does not hold. */
export function sigstoreVerifiesInclusion({ verifierKey, checkpoint, index, data, proof }: Inclusion): void {
  const { name, keyHash: logID, publicKey } = readVerifierKey(verifierKey);
  // Sigstore finds the checkpoint's key by its log id, whose first four bytes must be the signature's key hint.
  const authority: TLogAuthority = { logID, baseURL: name, publicKey, validFor: { start: new Date(0), end: new Date(8.64e15) } };
  const size = checkpoint.split('\n')[1];
  const entry = {
    logIndex: String(index),
    logId: { keyId: logID },
    kindVersion: { kind: 'near-audit-entry', version: '1' },
    integratedTime: '0',
    canonicalizedBody: data,
    inclusionProof: {
      logIndex: String(index),
      treeSize: size,
      rootHash: Buffer.from(checkpoint.split('\n')[2], 'base64'),
      hashes: proof.map((hash) => Buffer.from(hash, 'base64')),
      checkpoint: { envelope: checkpoint },
    },
  } as unknown as TransparencyLogEntry;
  verifyTLogInclusion(entry, [authority]);
}

import { Injectable } from '@nestjs/common';
import { AppConfig, ConfigError } from '@near/config';
import { checkpointBody, type NoteSigner, parseSignerKey, signNote, verifierKeyOf } from './signed-note.js';

/** The log's signing key (LOG_SIGNING_KEY), read once at boot. The private key never leaves this object. */
@Injectable()
export class LogSigner {
  readonly origin: string;
  /** `<name>+<hash>+<base64(0x01 ‖ public key)>`: what GET /log/key serves. */
  readonly verifierKey: string;
  /** Where development keeps its generated key; undefined when it came from LOG_SIGNING_KEY. */
  readonly keyFile?: string;
  private readonly signer: NoteSigner;

  constructor(config: AppConfig) {
    const { origin, signingKey, keyFile } = config.transparencyLog;
    try {
      this.signer = parseSignerKey(signingKey);
    } catch (error) {
      // The message never repeats the key.
      throw new ConfigError(`${keyFile ?? 'LOG_SIGNING_KEY'} ${(error as Error).message}`);
    }
    this.origin = origin;
    this.keyFile = keyFile;
    this.verifierKey = verifierKeyOf(this.signer);
  }

  /** The signed note of the checkpoint (C2SP tlog-checkpoint) of a tree of `size` leaves with this root. */
  signCheckpoint(size: number, root: Buffer): string {
    return signNote(checkpointBody(this.origin, size, root), this.signer);
  }
}

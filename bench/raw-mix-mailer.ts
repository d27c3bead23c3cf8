// The mix's baseline with e-mail: the process that sends its e-mail, as NEAR's worker is a process of its own.
// The bench process hands it each committed transaction's outbox rows over Node's IPC channel (RawMixMailer in
// lib/raw-mix-mail.ts), the plainest hand-over between two processes.
// Usage: forked with <smtp url> <database url>.
import { poolOf } from './lib/database.js';
import { RawMixMail, type RawMixMailCount, type RawMixMailMessage } from './lib/raw-mix-mail.js';

const [smtpUrl, databaseUrl] = process.argv.slice(2);
const pool = poolOf(databaseUrl, 5);
const mail = new RawMixMail(smtpUrl, pool);

process.on('message', (message: RawMixMailMessage) => {
  if (message.kind === 'send') {
    mail.send(message.rows, message.data, message.applicationId);
  } else if (message.kind === 'drain') {
    void mail
      .drain()
      .then(() => process.send!({ sent: mail.sent, failed: mail.failed, firstError: mail.firstError } satisfies RawMixMailCount));
  } else {
    mail.close();
    void pool.end().then(() => process.exit(0));
  }
});

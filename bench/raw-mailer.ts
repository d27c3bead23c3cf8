// The notifications baseline, run as its own process like the worker: nodemailer's pooled transport, with
// the worker's pool size, sending `count` messages built the way the worker builds them (the same template
// file, addressee and page link, the same message options) to the same SMTP server, all handed over at once.
// Usage: node dist/bench/bench/raw-mailer.js <smtp url> <count>
// Prints one JSON line: { "sent": n, "ms": time from the first sendMail to the last acceptance }.
import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { NO_CONTENT_ACCESS } from '../libs/notifications/src/nodemailer-message.js';
import { SMTP_POOL_MAX_CONNECTIONS } from '../libs/notifications/src/smtp-mail-transport.js';
import { plainMessage } from './lib/raw-mix-mail.js';

const [url, countText] = process.argv.slice(2);
const count = Number(countText);

const transporter = createTransport({ url, pool: true, maxConnections: SMTP_POOL_MAX_CONNECTIONS, ...NO_CONTENT_ACCESS });

function message(index: number) {
  const row = {
    id: randomUUID(),
    event: 'declared-eligible',
    recipient: `bench+${index}@bench.example`,
    recipient_name: `Contact ${index}`,
    locale: 'en',
  };
  const data = { reference: `NEAR-2001-${String(index).padStart(7, '0')}`, governmentName: `Bench Province ${index} (벤치 ${index})` };
  return plainMessage(row, data, `https://near.example/app/applications/${randomUUID()}`);
}

const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
const results = await Promise.allSettled(Array.from({ length: count }, (_, index) => transporter.sendMail(message(index))));
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const cpu = process.cpuUsage(cpuBefore);
transporter.close();
const failed = results.filter((result) => result.status === 'rejected');
process.stdout.write(
  `${JSON.stringify({ sent: count - failed.length, failed: failed.length, ms, cpuMs: (cpu.user + cpu.system) / 1000, error: failed[0]?.reason?.message as string | undefined })}\n`,
);

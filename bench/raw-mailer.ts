// The notifications baseline, run as its own process like the worker: nodemailer's pooled transport, with
// the worker's pool size, sending `count` messages built the way the worker builds them (the same template
// file, addressee and page link, the same message options) to the same SMTP server, all handed over at once.
// Usage: node dist/bench/bench/raw-mailer.js <smtp url> <count>
// Prints one JSON line: { "sent": n, "ms": time from the first sendMail to the last acceptance }.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createTransport } from 'nodemailer';
import { fillTemplate } from '../libs/notifications/src/fill-template.js';
import { messageIdOf } from '../libs/notifications/src/message-id.js';
import { NO_CONTENT_ACCESS, toNodemailerMessage } from '../libs/notifications/src/nodemailer-message.js';
import { withPageLink } from '../libs/notifications/src/page-link.js';
import { SMTP_POOL_MAX_CONNECTIONS } from '../libs/notifications/src/smtp-mail-transport.js';

const [url, countText] = process.argv.slice(2);
const count = Number(countText);
// This process runs without the app's path aliases: the template file is read and filled as the catalog does.
const file = JSON.parse(readFileSync('libs/notifications/templates/en.json', 'utf8')) as Record<string, unknown>;
const template = file['declared-eligible'] as { subject: string; text: string; html: string };
const salutation = file.$salutation as string;
const from = 'NEAR Admissions <admissions@near.example>';

const transporter = createTransport({ url, pool: true, maxConnections: SMTP_POOL_MAX_CONNECTIONS, ...NO_CONTENT_ACCESS });

function message(index: number) {
  const data = { reference: `NEAR-2001-${String(index).padStart(7, '0')}`, governmentName: `Bench Province ${index} (벤치 ${index})` };
  const name = `Contact ${index}`;
  const url = `https://near.example/app/applications/${randomUUID()}`;
  const values = { ...data, salutation: fillTemplate(salutation, 'text', { name }) };
  const message = { text: fillTemplate(template.text, 'text', values), html: fillTemplate(template.html, 'html', values) };
  withPageLink(message, 'en', 'application', url);
  const { text, html } = message;
  const subject = fillTemplate(template.subject, 'subject', values);
  const locale = 'en';
  return toNodemailerMessage(
    { messageId: messageIdOf(randomUUID()), to: { address: `bench+${index}@bench.example`, name }, subject, text, html, locale },
    from,
  );
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

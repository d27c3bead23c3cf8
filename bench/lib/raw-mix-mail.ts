// The mix's e-mail sent the plain way, for its baseline with e-mail: each outbox row a raw transition wrote is
// filled from its template in the recipient's language as the catalog fills it, handed to nodemailer's pooled
// transport (the worker's pool size) once the transaction has committed, and marked sent once the SMTP server
// has accepted it. No relay, no queue, no second read of the row: the least a sender that records what it sent
// must do. It runs in a process of its own (bench/raw-mix-mailer.ts), as NEAR's worker does, and gets the rows
// over Node's IPC channel (`RawMixMailer`).
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { createTransport, type Transporter } from 'nodemailer';
import { fillTemplate } from '../../libs/notifications/src/fill-template.js';
import { messageIdOf } from '../../libs/notifications/src/message-id.js';
import { NO_CONTENT_ACCESS, toNodemailerMessage } from '../../libs/notifications/src/nodemailer-message.js';
import { withPageLink } from '../../libs/notifications/src/page-link.js';
import { SMTP_POOL_MAX_CONNECTIONS } from '../../libs/notifications/src/smtp-mail-transport.js';
import { MARK_SENT_STATEMENT, SECRET_LINK_EVENTS } from './statements.js';

/** An outbox row as the raw transition's INSERT … RETURNING gives it. */
export interface RawOutboxRow {
  id: string;
  event: string;
  recipient: string;
  recipient_name: string | null;
  locale: string;
}

interface Template {
  subject: string;
  text: string;
  html: string;
  salutation?: string;
}

const FROM = 'NEAR Admissions <admissions@near.example>';

const templateFiles = new Map<string, Record<string, unknown>>();

/** A language's template file, read and parsed once (this process runs without the app's catalog). */
function templateFile(locale: string): Record<string, unknown> {
  let file = templateFiles.get(locale);
  if (!file) {
    file = JSON.parse(readFileSync(`libs/notifications/templates/${locale}.json`, 'utf8')) as Record<string, unknown>;
    templateFiles.set(locale, file);
  }
  return file;
}

/**
 * A row's message filled as the worker fills it: its event's template in the recipient's language, the
 * salutation (by name when the row has one), text and HTML, the link to the page, the worker's message options.
 */
export function plainMessage(row: RawOutboxRow, data: Record<string, unknown>, pageUrl: string) {
  const file = templateFile(row.locale);
  const template = file[row.event] as Template;
  const named = row.recipient_name?.trim() && typeof file.$salutation === 'string';
  const salutation = named
    ? fillTemplate(file.$salutation as string, 'text', { name: row.recipient_name })
    : fillTemplate(template.salutation ?? '', 'text', data);
  const values = { ...data, salutation };
  const message = { text: fillTemplate(template.text, 'text', values), html: fillTemplate(template.html, 'html', values) };
  withPageLink(message, row.locale as Parameters<typeof withPageLink>[1], 'application', pageUrl);
  return toNodemailerMessage(
    {
      messageId: messageIdOf(row.id),
      to: { address: row.recipient, name: row.recipient_name ?? undefined },
      subject: fillTemplate(template.subject, 'subject', values),
      text: message.text,
      html: message.html,
      locale: row.locale,
    },
    FROM,
  );
}

export class RawMixMail {
  sent = 0;
  failed = 0;
  firstError?: string;
  private readonly transporter: Transporter;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    smtpUrl: string,
    private readonly pool: pg.Pool,
  ) {
    this.transporter = createTransport({ url: smtpUrl, pool: true, maxConnections: SMTP_POOL_MAX_CONNECTIONS, ...NO_CONTENT_ACCESS });
  }

  /** Sends each row's message without waiting for it; `drain` waits for every one. */
  send(rows: readonly RawOutboxRow[], data: Record<string, unknown>, applicationId: string): void {
    for (const row of rows) {
      const sending = this.sendOne(row, data, applicationId).then(
        () => void (this.sent += 1),
        (error: unknown) => {
          this.failed += 1;
          this.firstError ??= (error as Error).message;
        },
      );
      this.inFlight.add(sending);
      void sending.finally(() => this.inFlight.delete(sending));
    }
  }

  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  close(): void {
    this.transporter.close();
  }

  private async sendOne(row: RawOutboxRow, data: Record<string, unknown>, applicationId: string): Promise<void> {
    const message = plainMessage(row, data, `https://near.example/app/applications/${applicationId}`);
    const info = (await this.transporter.sendMail(message)) as { messageId: string; response: string };
    await this.pool.query({ ...MARK_SENT_STATEMENT, values: [row.id, info.messageId, info.response, SECRET_LINK_EVENTS] });
  }
}

/** What the bench process and the mailer process say to each other. */
export type RawMixMailMessage =
  { kind: 'send'; rows: RawOutboxRow[]; data: Record<string, unknown>; applicationId: string } | { kind: 'drain' } | { kind: 'close' };

export interface RawMixMailCount {
  sent: number;
  failed: number;
  firstError?: string;
}

/** The bench process's side of the mailer process: hands it each transaction's rows without waiting. */
export class RawMixMailer {
  private waiting?: (count: RawMixMailCount) => void;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (count: RawMixMailCount) => this.waiting?.(count));
  }

  static async start(smtpUrl: string, databaseUrl: string): Promise<RawMixMailer> {
    const child = fork('dist/bench/bench/raw-mix-mailer.js', [smtpUrl, databaseUrl], { stdio: 'inherit' });
    await new Promise<void>((ready, failed) => {
      child.once('spawn', ready);
      child.once('error', failed);
    });
    return new RawMixMailer(child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  send(rows: RawOutboxRow[], data: Record<string, unknown>, applicationId: string): void {
    this.child.send({ kind: 'send', rows, data, applicationId } satisfies RawMixMailMessage);
  }

  /** Once every row handed over so far has been sent (or has failed): the counts since the start. */
  drain(): Promise<RawMixMailCount> {
    const counted = new Promise<RawMixMailCount>((done) => (this.waiting = done));
    this.child.send({ kind: 'drain' } satisfies RawMixMailMessage);
    return counted;
  }

  async close(): Promise<void> {
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.send({ kind: 'close' } satisfies RawMixMailMessage);
    await exited;
  }
}

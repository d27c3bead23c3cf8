import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import PDFDocument from 'pdfkit';
import type { Locale } from '../../libs/common/src/locales.js';
import type { DecisionFacts, RollEntry } from '../../libs/documents/src/document-facts.repository.js';
import type * as Words from '../../libs/documents/src/document-words.js';
import type * as Layout from '../../libs/documents/src/layouts/decision-record.js';
import type * as Fonts from '../../libs/documents/src/pdf/fonts.js';
import type { Bench } from '../lib/context.js';
import { elapsedMs, type LatencySummary, summarise } from '../lib/stats.js';

export interface DocumentsResult {
  roll: number;
  language: Locale;
  /** The worker's layout of a decision record, fonts already read (as in a running worker), to the PDF's bytes. */
  decisionRecord: { runs: number; bytes: number; latencyMs: LatencySummary };
  /** pdfkit alone writing the same strings in the same fonts, one line each, without our layout: what the machine does for the same text. */
  raw: { runs: number; bytes: number; latencyMs: LatencySummary };
  met: boolean;
}

const RUNS = 20;

/** The worker's own build, as the bench runs it (its lib imports resolved, its words files beside it). */
const WORKER_LIBS = 'dist/bench/snapshot/worker/libs/documents/src';
const fromWorker = async <T>(path: string): Promise<T> => (await import(pathToFileURL(resolve(WORKER_LIBS, path)).href)) as T;

/**
 * A decision record for the whole roll of member governments (75 in NEAR, the bench's registry's members
 * otherwise topped up to 75), in Korean, against pdfkit alone drawing the same text. Target: under 300 ms.
 */
export async function documents(bench: Bench): Promise<DocumentsResult> {
  bench.memory.phase('documents');
  const { wordsFor } = await fromWorker<typeof Words>('document-words.js');
  const { decisionRecord } = await fromWorker<typeof Layout>('layouts/decision-record.js');
  const { FONT_FILES, fontData } = await fromWorker<typeof Fonts>('pdf/fonts.js');
  const { rows } = await bench.pool.query<{ nameEn: string; nameLocal: string; country: string }>(
    `SELECT name_en AS "nameEn", name_local AS "nameLocal", country FROM governments WHERE status = 'member' ORDER BY country, name_en LIMIT 75`,
  );
  const roll: RollEntry[] = Array.from({ length: 75 }, (_, index) => ({
    ...rows[index % rows.length],
    nameEn: index < rows.length ? rows[index].nameEn : `${rows[index % rows.length].nameEn} ${index}`,
    presentAtOpening: index % 10 !== 0,
    choice: index % 10 === 0 ? null : index % 7 === 0 ? 'no' : 'yes',
  }));
  const language: Locale = 'ko';
  const facts: DecisionFacts = {
    voteId: '00000000-0000-4000-8000-000000000001',
    application: {
      id: '00000000-0000-4000-8000-000000000002',
      reference: 'NEAR-2026-0042',
      category: 'member',
      locale: language,
      submittedAt: new Date('2026-03-02T01:00:00Z'),
      government: { nameEn: 'Gangwon', nameLocal: '강원특별자치도', country: 'KR' },
      timeZone: 'Asia/Seoul',
    },
    session: {
      id: '00000000-0000-4000-8000-000000000003',
      body: 'general_assembly',
      number: 17,
      startsOn: '2026-09-15',
      endsOn: '2026-09-17',
      venue: 'Pohang',
      deadline: null,
      closedAt: null,
      status: 'in_session',
      timeZone: 'Asia/Seoul',
    },
    quorum: 'more_than_half_present',
    majority: 'two_thirds_cast',
    ballotSecrecy: 'named',
    openedAt: new Date('2026-09-16T02:00:00Z'),
    closedAt: new Date('2026-09-16T03:30:00Z'),
    outcome: 'approved',
    tally: { voters: 75, present: 67, yes: 58, no: 9, abstain: 0 },
    roll,
  };
  const inclusion = {
    leafIndex: 123456,
    checkpoint: `bench.example/log\n123460\n${'A'.repeat(43)}=\n\n— bench.example/log ${'B'.repeat(94)}==\n`,
  };
  const context = { locale: language, words: wordsFor(language), verifyUrl: 'https://near.example/verify/NEAR-2026-0042' };
  const render = () => decisionRecord(context, facts, inclusion);

  // The same strings, in the same fonts, written by pdfkit in one column: no table, no runs, no page furniture.
  const lines = roll.map(
    (entry) => `${entry.nameEn} · ${entry.nameLocal}   ${entry.presentAtOpening ? '출석' : '결석'}   ${entry.choice ?? '-'}`,
  );
  const raw = () =>
    new Promise<Buffer>((resolve, reject) => {
      const doc = new PDFDocument({ size: 'A4', font: '' });
      const chunks: Buffer[] = [];
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.registerFont('cjk', fontData(FONT_FILES.cjk), 'NotoSansCJKkr-Regular');
      doc.font('cjk').fontSize(9.5);
      for (const line of lines) doc.text(line);
      doc.end();
    });

  const measure = async (make: () => Promise<Buffer>) => {
    for (let warm = 0; warm < 3; warm++) await make();
    const samples: number[] = [];
    let bytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = process.hrtime.bigint();
      bytes = (await make()).length;
      samples.push(elapsedMs(started));
    }
    return { runs: RUNS, bytes, latencyMs: summarise(samples) };
  };
  const made = await measure(render);
  const baseline = await measure(raw);
  bench.log(
    `documents: a decision record of ${roll.length} governments in ${made.latencyMs.p50.toFixed(0)} ms (p99 ${made.latencyMs.p99.toFixed(0)} ms, ${made.bytes} bytes); pdfkit alone ${baseline.latencyMs.p50.toFixed(0)} ms`,
  );
  return { roll: roll.length, language, decisionRecord: made, raw: baseline, met: made.latencyMs.p99 < 300 };
}

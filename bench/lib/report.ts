import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import type { GrowthResult } from '../workloads/growth.js';
import type { ProfileSummary } from './profile.js';
import type { DocumentsResult } from '../workloads/documents.js';
import type { LoginResult } from '../workloads/login.js';
import type { NotificationsResult } from '../workloads/notifications.js';
import type { ReadsResult } from '../workloads/reads.js';
import type { TransitionsResult } from '../workloads/transitions.js';
import type { VerifyResult } from '../workloads/verify.js';
import type { VoteStormResult } from '../workloads/vote-storm.js';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  postgres: string;
  redis: string;
  commit: string | null;
  /** The build measured had changes not yet committed on top of `commit`. */
  uncommittedChanges: boolean;
  /** 1-minute load average when the run started and ended: above the core count, something else was running. */
  loadAverage: { start: number; end: number; max: number };
  /** Other sessions' work seen on the database server during the run (connections to databases other than the bench's). */
  otherDatabaseConnectionsMax: number;
}

export interface Results {
  date: string;
  smoke: boolean;
  /** Run under the CPU profiler: the numbers carry its overhead and do not go into the table. */
  profiled: boolean;
  /** The workloads run (all of them unless --only said otherwise). */
  workloads: string[];
  durationSeconds: number;
  machine: Machine;
  /** Clients at once in the HTTP runs and their raw baselines (the scale's). */
  connections: number;
  sizes: { applications: number; auditEntries: number };
  /** Each time the trail was grown: to what size, and how long after the seeding and its VACUUM ANALYZE the log had integrated it all (polled every 500 ms). */
  seeding?: { size: number; appended: number; seedSeconds: number; integratedAfterSeconds: number }[];
  transitions?: TransitionsResult;
  voteStorm?: VoteStormResult;
  notifications?: NotificationsResult;
  login?: LoginResult;
  reads?: ReadsResult;
  growth?: GrowthResult;
  verify?: VerifyResult;
  documents?: DocumentsResult;
  /** Per process (api, worker), per workload: where the CPU went. */
  profiles?: Record<string, Record<string, ProfileSummary>>;
  memory: {
    peakMb: Record<string, number>;
    peakByWorkload: Record<string, Record<string, number>>;
    apiTargetMb: number;
    met: boolean;
  };
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';
const PROFILES_START = '<!-- bench:profiles:start -->';
const PROFILES_END = '<!-- bench:profiles:end -->';

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
const pct = (value: number) => `${Math.round(value * 100)}%`;
const mark = (met: boolean) => (met ? 'met' : '**missed**');

type CompleteResults = Required<Omit<Results, 'profiles'>>;

const complete = (results: Results): results is Results & CompleteResults =>
  !results.smoke &&
  !results.profiled &&
  Boolean(
    results.transitions &&
    results.voteStorm &&
    results.notifications &&
    results.login &&
    results.reads &&
    results.growth &&
    results.verify &&
    results.documents,
  );

/** The generated part of docs/benchmarks.md: the table, the machine and the run. */
export function resultsMarkdown(results: CompleteResults, resultsFile: string): string {
  const {
    machine,
    connections,
    transitions: t,
    voteStorm: v,
    notifications: m,
    login: l,
    reads: r,
    growth: g,
    verify: a,
    documents: d,
    memory,
  } = results;
  // The bench itself keeps every core busy (load up to ~3 on 2 cores): what tells of other work is the load it
  // found when it started and other sessions' connections to the database.
  const busy = machine.loadAverage.start > machine.cores || machine.otherDatabaseConnectionsMax > 0;
  // A run that found the fresh applications used up did no transition: its rate and CPU would mean nothing.
  const everyStatementMeasured = t.rawEveryStatement.ok > 0;
  const point = (index: number) => g.points[index];
  const growthCell = (pick: (p: GrowthResult['points'][number]) => { p99: number }) => g.points.map((p) => ms(pick(p).p99)).join(' / ');
  const sizes = g.points.map((p) => n(p.auditEntries)).join(' / ');
  const rows = [
    ['workload', 'measure', 'NEAR', 'raw baseline, same run', 'ratio', 'target', ''],
    [
      `workflow transitions over HTTP (start-review), ${connections} clients`,
      'transitions/s, p99',
      `${n(t.http.perSecond)}/s, p99 ${ms(t.http.latencyMs.p99)}`,
      `${n(t.raw.perSecond)}/s, p99 ${ms(t.raw.latencyMs.p99)} (the transaction's statements with pg, no system-wide lock, ${connections} clients)`,
      pct(t.ratio),
      '≥ 50%',
      mark(t.met),
    ],
    [
      `workflow transitions over HTTP, a mix: request-information and respond (e-mail), start-review (none), ${connections} clients`,
      'transitions/s, p99',
      `${n(t.mix.http.perSecond)}/s, p99 ${ms(t.mix.http.latencyMs.p99)}, ${t.mix.http.errors} errors`,
      `${n(t.raw.perSecond)}/s, p99 ${ms(t.raw.latencyMs.p99)} (as above)`,
      `${pct(t.mix.ratio)}, p99 ${t.mix.p99Ratio}×`,
      '≥ 50%, p99 ≤ 3×',
      mark(t.mix.met),
    ],
    [
      'the same mix against its own statements: its messages, outbox rows, and the government and addresses they name',
      'transitions/s, p99',
      `${n(t.mix.http.perSecond)}/s, p99 ${ms(t.mix.http.latencyMs.p99)} (as above, with the worker sending its e-mail)`,
      `${n(t.mix.raw.perSecond)}/s, p99 ${ms(t.mix.raw.latencyMs.p99)}, ${t.mix.raw.errors} errors (the mix's transactions with pg, ${connections} clients, the worker stopped)`,
      `${pct(t.mix.rawRatio)}, p99 ${t.mix.rawP99Ratio}×`,
      '—',
      '',
    ],
    [
      "the same mix against its statements and its e-mail, each counted until the run's last e-mail was sent",
      'transitions/s until the last e-mail, p99',
      `${n(t.mix.mail.deliveredPerSecond)}/s (the last e-mail ${ms(t.mix.mail.drainedAfterMs)} after the run), p99 ${ms(t.mix.http.latencyMs.p99)}`,
      `${n(t.mix.rawWithMail.mail?.deliveredPerSecond ?? 0)}/s (the last ${ms(t.mix.rawWithMail.mail?.drainedAfterMs ?? 0)} after the run; ${n(t.mix.rawWithMail.perSecond)}/s in it), p99 ${ms(t.mix.rawWithMail.latencyMs.p99)}, ${t.mix.rawWithMail.errors} errors (as above, and once each commits, its ${n(t.mix.rawWithMail.mail?.sent ?? 0)} e-mails filled from their templates, sent with nodemailer, pooled, and marked sent, by a process of its own)`,
      `${pct(t.mix.rawWithMailRatio)}, p99 ${t.mix.rawWithMailP99Ratio}×`,
      '—',
      '',
    ],
    [
      `transparency log: commit to signed checkpoint, ${n(t.mix.toCheckpointMs.entries)} entries of the mix`,
      'p50 / p99',
      `${ms(t.mix.toCheckpointMs.p50)} / ${ms(t.mix.toCheckpointMs.p99)}`,
      '—',
      '',
      'p99 ≤ 2 s',
      mark(t.checkpointMet),
    ],
    [
      `vote storm: ${v.delegates} delegates cast ${v.castsPerDelegate}× at once, ${v.http.rounds} storms after the warm-up`,
      'p50 / p99, errors',
      `${ms(v.http.latencyMs.p50)} / ${ms(v.http.latencyMs.p99)}, ${v.errors} errors`,
      `${ms(v.raw.latencyMs.p50)} / ${ms(v.raw.latencyMs.p99)} (one INSERT … ON CONFLICT per cast, ${connections} connections)`,
      `p99 ${v.p99Ratio}×`,
      'p99 < 100 ms, 0 errors',
      mark(v.met),
    ],
    [
      `vote storm on a freshly started API: its first storm (${n(v.http.fresh.casts)} casts, new connections), right after start-up`,
      'p50 / p99, errors',
      `${ms(v.http.fresh.latencyMs.p50)} / ${ms(v.http.fresh.latencyMs.p99)}, ${v.http.fresh.errors} errors`,
      '—',
      '',
      'p99 < 100 ms, 0 errors',
      mark(v.http.fresh.latencyMs.p99 < 100 && v.http.fresh.errors === 0),
    ],
    [
      `notifications: ${n(m.messages)} from the outbox to an SMTP server`,
      'messages/s until the last is accepted',
      `${n(m.worker.perSecond)}/s (${m.worker.seconds.toFixed(1)} s)`,
      `${n(m.raw.perSecond)}/s (nodemailer, pooled, 5 connections)`,
      pct(m.ratio),
      '≥ 50%',
      mark(m.met),
    ],
    [
      `reads: GET /applications/:id, ${n(r.applications)} applications, ${n(r.auditEntries)} audit entries, ${connections} clients`,
      'requests/s, p99',
      `${n(r.api.perSecond)}/s, p99 ${ms(r.api.latencyMs.p99)}`,
      `${n(r.bareFastify.perSecond)}/s, p99 ${ms(r.bareFastify.latencyMs.p99)} (bare Fastify, one pg query)`,
      pct(r.ratio),
      '≥ 50%',
      mark(r.met),
    ],
    [
      `reads: GET /applications/:id of an application with 500 messages against one with 5, in turns, ${connections} clients`,
      'p99 (requests/s)',
      `${ms(r.correspondence.many.latencyMs.p99)} (${n(r.correspondence.many.perSecond)}/s)`,
      `${ms(r.correspondence.few.latencyMs.p99)} (${n(r.correspondence.few.perSecond)}/s) with 5 messages`,
      `${r.correspondence.p99Ratio}×`,
      '≤ 1.5×',
      mark(r.correspondence.met),
    ],
    [
      `growth: list (middle page) at ${sizes} audit entries`,
      'p99 at each size (median of 4 runs)',
      growthCell((p) => p.list),
      '—',
      `${g.p99Growth.list}×`,
      '≤ 2× from first to last',
      mark(g.p99Growth.list <= 2),
    ],
    [
      `growth: list filtered by action at ${sizes}`,
      'p99 at each size (median of 4 runs)',
      growthCell((p) => p.listByAction),
      '—',
      `${g.p99Growth.listByAction}×`,
      '≤ 2×',
      mark(g.p99Growth.listByAction <= 2),
    ],
    [
      `growth: history of one application at ${sizes}`,
      'p99 at each size (median of 4 runs)',
      growthCell((p) => p.history),
      '—',
      `${g.p99Growth.history}×`,
      '≤ 2×',
      mark(g.p99Growth.history <= 2),
    ],
    [
      `audit verify (GET /audit-events/verify), ${n(a.api.checked)} entries`,
      'entries/s',
      `${n(a.api.perSecond)}/s (${a.api.seconds.toFixed(1)} s, valid: ${a.api.valid})`,
      `${n(a.hashOnly.perSecond)}/s (sha256 of the same bytes in a loop); ${n(a.canonicalAndHash.perSecond)}/s with canonical JSON`,
      pct(a.ratio),
      '—',
      '',
    ],
    [
      `log:verify (the offline verifier, one process) on a bundle of ${n(a.offline.entries)} entries`,
      'entries/s',
      `${n(a.offline.perSecond)}/s (${a.offline.verifySeconds} s, valid: ${a.offline.valid}; export ${a.offline.exportSeconds} s)`,
      '—',
      '',
      '≥ 300,000/s',
      mark(a.offlineMet),
    ],
    [
      `login: one stranger guessing one account's password as fast as the API lets it, ${l.seconds} s, while its owner signs in`,
      'passwords checked per minute (last minute); owner',
      `${l.guesses.lastMinutePerMinute ?? l.guesses.perMinute}/min (${l.guesses.checked} checked of ${n(l.guesses.attempts)} tries); owner ${l.owner.ok}/${l.owner.attempts} signed in, p99 ${ms(l.owner.latencyMs.p99)}`,
      '—',
      '',
      `≤ ${l.guesses.target}/min, owner never refused`,
      mark(Boolean(l.guesses.met) && l.owner.met),
    ],
    [
      `reads while officials sign in, renew and read (GET /applications/:id, ${connections} clients)`,
      'requests/s, p99',
      `${n(r.withSignIns.perSecond)}/s, p99 ${ms(r.withSignIns.latencyMs.p99)}; ${r.withSignIns.signIns.ok}/${r.withSignIns.signIns.cycles} sign-in, renewal and read`,
      `${n(r.bareFastify.perSecond)}/s (bare Fastify, as above)`,
      pct(r.withSignIns.ratio),
      '≥ 50%',
      mark(r.withSignIns.met),
    ],
    [
      `documents: a decision record of ${d.roll} governments (${d.language}), made as the worker makes it`,
      'p50 / p99',
      `${ms(d.decisionRecord.latencyMs.p50)} / ${ms(d.decisionRecord.latencyMs.p99)} (${n(d.decisionRecord.bytes)} bytes)`,
      `${ms(d.raw.latencyMs.p50)} / ${ms(d.raw.latencyMs.p99)} (pdfkit alone, the same lines in the same font)`,
      `p99 ${(d.decisionRecord.latencyMs.p99 / d.raw.latencyMs.p99).toFixed(2)}×`,
      'p99 < 300 ms',
      mark(d.met),
    ],
    [
      'memory under the loads above',
      'peak RSS',
      `API ${memory.peakMb.api} MB, worker ${memory.peakMb.worker} MB`,
      '—',
      '',
      'API < 250 MB',
      mark(memory.met),
    ],
  ];
  const table = rows.map((row) => `| ${row.join(' | ')} |`);
  table.splice(1, 0, `|${rows[0].map(() => '---').join('|')}|`);
  const c = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '—');
  const lastPoint = g.points[g.points.length - 1];
  const cpuRows = [
    ['workload', 'NEAR: process', 'NEAR: PostgreSQL', 'baseline: process', 'baseline: PostgreSQL'],
    [
      'transition',
      `API ${c(t.http.cpu.processMs)}`,
      c(t.http.cpu.databaseMs),
      `pg client ${c(t.raw.cpu.processMs)}`,
      c(t.raw.cpu.databaseMs),
    ],
    [
      'transition of the mix (with its e-mail)',
      `API ${c(t.mix.cpuMs.api)}, worker ${c(t.mix.cpuMs.worker)}, bench ${c(t.mix.cpuMs.bench)}`,
      c(t.mix.cpuMs.database),
      '',
      '',
    ],
    everyStatementMeasured
      ? ['transition, all 7 statements', '', '', `pg client ${c(t.rawEveryStatement.cpu.processMs)}`, c(t.rawEveryStatement.cpu.databaseMs)]
      : ['transition, all 7 statements', '', '', 'not measured', '—'],
    ['transition of the mix, its statements', '', '', `pg client ${c(t.mix.raw.cpu.processMs)}`, c(t.mix.raw.cpu.databaseMs)],
    [
      'transition of the mix, its statements and e-mail',
      '',
      '',
      `pg client and SMTP server, and the mailer process ${c(t.mix.rawWithMail.cpu.processMs)}`,
      c(t.mix.rawWithMail.cpu.databaseMs),
    ],
    [
      'ballot cast',
      `API ${c(v.http.cpu?.processMs ?? NaN)}`,
      c(v.http.cpu?.databaseMs ?? NaN),
      `pg client ${c(v.raw.cpu?.processMs ?? NaN)}`,
      c(v.raw.cpu?.databaseMs ?? NaN),
    ],
    [
      'ballot cast, first storm of a freshly started API',
      `API ${c(v.http.fresh.cpu?.processMs ?? NaN)}`,
      c(v.http.fresh.cpu?.databaseMs ?? NaN),
      '',
      '',
    ],
    ['notification', `worker ${c(m.worker.cpu.processMs)}`, c(m.worker.cpu.databaseMs), `nodemailer ${c(m.raw.cpu.processMs)}`, '—'],
    [
      'read',
      `API ${c(r.api.cpu.processMs)}`,
      c(r.api.cpu.databaseMs),
      `bare Fastify ${c(r.bareFastify.cpu.processMs)}`,
      c(r.bareFastify.cpu.databaseMs),
    ],
    [
      "read, the API's 2 statements",
      '',
      '',
      `bare Fastify ${c(r.bareFastifySameStatements.cpu.processMs)}`,
      c(r.bareFastifySameStatements.cpu.databaseMs),
    ],
    [`list at ${n(lastPoint.auditEntries)}`, `API ${c(lastPoint.list.cpu.processMs)}`, c(lastPoint.list.cpu.databaseMs), '', ''],
    [`history at ${n(lastPoint.auditEntries)}`, `API ${c(lastPoint.history.cpu.processMs)}`, c(lastPoint.history.cpu.databaseMs), '', ''],
  ];
  const cpuTable = cpuRows.map((row) => `| ${row.join(' | ')} |`);
  cpuTable.splice(1, 0, `|${cpuRows[0].map(() => '---').join('|')}|`);
  const byWorkload = Object.entries(memory.peakByWorkload).map(
    ([workload, peaks]) => `${workload}: API ${peaks.api ?? '?'} MB, worker ${peaks.worker ?? '?'} MB`,
  );
  return [
    START,
    '',
    `Run of ${results.date.slice(0, 10)} (${results.date}), ${results.smoke ? '**smoke run** (tiny data, ~1 s per workload: not a measurement), ' : ''}` +
      `${results.durationSeconds.toFixed(0)} s in all, commit \`${machine.commit ?? 'unknown'}\`${machine.uncommittedChanges ? ' with uncommitted changes' : ''}.`,
    `Machine: **${machine.cores} cores** (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.postgres}, Redis ${machine.redis}.`,
    `Load average (1 min) ${machine.loadAverage.start} at the start, ${machine.loadAverage.end} at the end, ${machine.loadAverage.max} at most; ` +
      `up to ${machine.otherDatabaseConnectionsMax} connections of other sessions on the same PostgreSQL.` +
      (busy
        ? ' **The machine was shared**: other work ran beside the bench and took CPU from it, so absolute numbers are low; the ratios compare runs made under the same conditions.'
        : ''),
    `All numbers: [\`${resultsFile}\`](../${resultsFile}). Sizes: ${n(results.sizes.applications)} applications, ${n(results.sizes.auditEntries)} audit entries at the end.`,
    '',
    ...table,
    '',
    'CPU milliseconds per request, from the scheduler (`/proc/<pid>/task/*/schedstat`) over each measured run (the PostgreSQL column sums the backends ' +
      "serving the bench's database). Unlike a rate, this hardly moves when other work shares the machine:",
    '',
    ...cpuTable,
    '',
    `Peak RSS by workload (sampled every 200 ms): ${byWorkload.join('; ')}.`,
    `Raw transitions with every statement the request sends (7, the token's user and the answer's read included): ` +
      (everyStatementMeasured
        ? `${n(t.rawEveryStatement.perSecond)}/s, p99 ${ms(t.rawEveryStatement.latencyMs.p99)}.`
        : `not measured: the runs before it used up the ${n(t.applicationsUsed)} fresh applications seeded for them.`),
    `Reads with bare Fastify sending the two statements the API sends for the same answer: ${n(r.bareFastifySameStatements.perSecond)}/s, ` +
      `p99 ${ms(r.bareFastifySameStatements.latencyMs.p99)}.`,
    `Vote storm: the first storm of an API that has taken no ballot yet (before the warm-up of ${n(v.http.warmUp.casts)} casts in ` +
      `${v.http.warmUp.seconds} s; ${n(v.http.cold.casts)} new connections): p99 ${ms(v.http.cold.latencyMs.p99)}; the first measured storm alone (new connections): ` +
      `p99 ${ms(v.http.firstRoundMs.p99)} over HTTP, ${ms(v.raw.firstRoundMs.p99)} raw.` +
      ` Growth sizes measured: ${point(0).auditEntries} → ${point(g.points.length - 1).auditEntries}.`,
    ...(results.seeding
      ? [
          `The log had integrated every seeded entry ${results.seeding
            .map(
              (grown) =>
                `${grown.integratedAfterSeconds} s after the trail was grown by ${n(grown.appended)} to ${n(grown.size)} and vacuumed`,
            )
            .join(', ')}.`,
        ]
      : []),
    '',
    END,
  ].join('\n');
}

const SKELETON = `# Benchmarks

\`npm run bench\` measures the system beside raw baselines run on the same machine in the same run, and
rewrites the part of this page between the markers below. See bench/README.md for how it works.

${START}
${END}

${PROFILES_START}
${PROFILES_END}
`;

/** The profiled workloads where NEAR itself runs (not the baselines), in a few lines each. */
export function profilesMarkdown(results: Results, resultsFile: string): string {
  const lines = [
    PROFILES_START,
    '',
    `Profiled run of ${results.date} (\`npm run bench -- --profile\`, ${results.machine.cores} cores, load average up to ` +
      `${results.machine.loadAverage.max}): V8's sampling profiler in the API and the worker, samples cut by workload. ` +
      `Self time is spent in the code of that origin; inclusive time has it anywhere on the stack. Full summaries in \`${resultsFile}\`; ` +
      'the .cpuprofile files (for Chrome DevTools) stay in `bench/results/profiles/` on the machine that ran it (not committed).',
    '',
  ];
  const wanted: [string, string][] = [
    ['api', 'transitions'],
    ['api', 'vote storm'],
    ['worker', 'notifications'],
    ['api', 'reads'],
    ['api', 'audit verify'],
  ];
  for (const [process, phase] of wanted) {
    const summary = results.profiles?.[process]?.[phase];
    if (!summary || summary.busyMs === 0) continue;
    const list = (entries: { origin: string; share: number }[]) =>
      entries
        .slice(0, 7)
        .map((entry) => `${entry.origin} ${entry.share}%`)
        .join(', ');
    lines.push(
      `#### ${phase} (${process}: ${summary.busyMs} ms busy, ${summary.idleMs} ms idle)`,
      '',
      `- self: ${list(summary.selfByOrigin)}`,
      `- inclusive: ${list(summary.inclusiveByOrigin)}`,
      `- hottest functions: ${summary.functions
        .slice(0, 8)
        .map((entry) => `\`${entry.function}\` (${entry.origin}) ${entry.share}%`)
        .join(', ')}`,
      '',
    );
  }
  lines.push(PROFILES_END);
  return lines.join('\n');
}

function replaceBetween(page: string, start: string, end: string, generated: string): string {
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  return from >= 0 && to > from
    ? `${page.slice(0, from)}${generated}${page.slice(to + end.length)}`
    : `${page.trimEnd()}\n\n${generated}\n`;
}

/**
 * Writes bench/results/<date>.json and the generated parts of docs/benchmarks.md (the rest of the page is
 * kept): the table from a complete run, the profile summaries from a --profile run. A smoke run or a
 * partial one writes its JSON only: its numbers must not replace the table.
 */
export async function writeResults(results: Results): Promise<{ json: string; markdown?: string }> {
  mkdirSync('bench/results', { recursive: true });
  const suffix = results.smoke ? '-smoke' : results.profiled ? '-profile' : results.workloads.length < 6 ? '-partial' : '';
  const json = `bench/results/${results.date.replace(/:/g, '-')}${suffix}.json`;
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  if (results.smoke || (!complete(results) && !results.profiled)) return { json };
  const markdown = 'docs/benchmarks.md';
  let page = existsSync(markdown) ? readFileSync(markdown, 'utf8') : SKELETON;
  if (complete(results)) page = replaceBetween(page, START, END, resultsMarkdown(results, json));
  if (results.profiled) page = replaceBetween(page, PROFILES_START, PROFILES_END, profilesMarkdown(results, json));
  const options = (await resolveConfig(markdown)) ?? {};
  writeFileSync(markdown, await format(page, { ...options, parser: 'markdown' }));
  return { json, markdown };
}

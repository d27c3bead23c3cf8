import { api, apiText } from '../../api/client.js';
import type { PublicDecision } from '../../api/types.js';
import { formatDateTime, languageName, t, tDynamic } from '../../i18n/i18n.js';
import type { PublicPage } from '../../router.js';
import { h, replace } from '../../ui/h.js';
import { problemSentence } from '../../ui/problems.js';
import { definitionList, field, pageTitle, sessionName } from '../../ui/widgets.js';
import { includesLeafHash, leafBytes, openCheckpoint } from '../../verify/log-proof.js';

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Whether the decision's entry is in a checkpoint signed by the log's key: checked here, in the browser. */
async function logVerdict(decision: PublicDecision): Promise<HTMLElement> {
  const log = decision.log;
  if (!log) return h('p', { class: 'warning' }, t('verify.logPending'));
  try {
    const checkpoint = await openCheckpoint(log.checkpoint, await apiText('/log/key'));
    const included =
      checkpoint.size === log.treeSize && (await includesLeafHash(checkpoint, log.leafIndex, leafBytes(log.leafHash), log.proof));
    return included
      ? h('p', { class: 'good' }, t('verify.logGood', { leaf: String(log.leafIndex), size: String(log.treeSize) }))
      : h('p', { class: 'warning' }, t('verify.logBad'));
  } catch {
    return h('p', { class: 'warning' }, t('verify.logBad'));
  }
}

/**
 * The public record of a decision, at the address printed on its certificate: no sign-in. The page checks the
 * decision's inclusion in the signed log, and a PDF chosen or dropped here is hashed in the browser (never sent)
 * and matched against the SHA-256 of each document of the decision.
 */
export const verifyDecisionPage: PublicPage = async ({ main, params: [reference] }) => {
  let decision: PublicDecision;
  try {
    decision = await api<PublicDecision>(`/public/decisions/${encodeURIComponent(reference)}`);
  } catch (problem) {
    replace(
      main,
      pageTitle(t('verify.title', { reference: reference.toUpperCase() })),
      h('p', { class: 'form-error', role: 'alert' }, problemSentence(problem)),
    );
    return;
  }
  const outcome = h('div', { 'aria-live': 'polite' });
  const file = h('input', { type: 'file', accept: 'application/pdf,.pdf', id: 'verify-file' });
  const check = async (chosen: File | undefined) => {
    if (!chosen) return;
    const digest = hex(await crypto.subtle.digest('SHA-256', await chosen.arrayBuffer()));
    const found = decision.documents.find((document) => document.sha256 === digest);
    replace(
      outcome,
      found
        ? h(
            'p',
            { class: 'card check-verdict check-good', role: 'status' },
            t('verify.matches', {
              kind: tDynamic('document', found.kind),
              language: languageName(found.language),
              date: formatDateTime(found.createdAt),
            }),
          )
        : h('p', { class: 'card check-verdict check-bad', role: 'status' }, t('verify.noMatch', { sha256: digest })),
    );
  };
  file.addEventListener('change', () => void check(file.files?.[0]));
  const dropZone = h('div', { class: 'drop-zone card' }, field(t('verify.file'), file, t('verify.fileHint')));
  dropZone.addEventListener('dragover', (event) => event.preventDefault());
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    void check(event.dataTransfer?.files[0]);
  });
  const names =
    decision.government.nameLocal && decision.government.nameLocal !== decision.government.nameEn
      ? `${decision.government.nameEn} · ${decision.government.nameLocal}`
      : decision.government.nameEn;
  replace(
    main,
    pageTitle(t('verify.title', { reference: decision.reference })),
    h('p', { class: 'lead' }, names, ' · ', tDynamic('category', decision.category)),
    definitionList([
      [t('verify.outcome'), tDynamic('outcome', decision.outcome)],
      [t('verify.body'), sessionName({ body: decision.body, number: decision.sessionNumber })],
      [t('verify.decidedAt'), formatDateTime(decision.decidedAt)],
    ]),
    await logVerdict(decision),
    h('h2', null, t('verify.documents')),
    // A list, not a table: each SHA-256 is 64 characters, which a phone's table could only scroll.
    h(
      'ul',
      { class: 'document-hashes' },
      decision.documents.map((document) =>
        h(
          'li',
          null,
          h('strong', null, tDynamic('document', document.kind)),
          ` · ${languageName(document.language)} · ${t('verify.made')} ${formatDateTime(document.createdAt)}`,
          h('br'),
          'SHA-256 ',
          h('code', { class: 'hash' }, document.sha256),
        ),
      ),
    ),
    h('h2', null, t('verify.checkTitle')),
    dropZone,
    outcome,
  );
};

import QRCode from 'qrcode';
import { api } from '../../api/client.js';
import type { RecoveryCodes, TotpEnrolment } from '../../api/types.js';
import { t } from '../../i18n/i18n.js';
import { confirmIrreversible } from '../../ui/confirm.js';
import { h, replace } from '../../ui/h.js';
import { notify } from '../../ui/notice.js';
import { showProblem } from '../../ui/problems.js';
import { field, submit, whenSubmitted } from '../../ui/widgets.js';

const codeInput = () =>
  h('input', { name: 'code', autocomplete: 'one-time-code', inputmode: 'numeric', autocapitalize: 'off', required: true, maxlength: 32 });

/**
 * Two-step sign-in: enrol an authenticator app (a QR code, the secret to type, a first code to confirm), keep the
 * recovery codes (shown once: download or print them), or remove it with a code.
 */
export function secondFactorSection(enrolled: boolean, changed: (enrolled: boolean) => void): HTMLElement {
  const section = h('section', { 'aria-labelledby': 'second-factor-title' });
  const heading = h('h2', { id: 'second-factor-title' }, t('account.secondFactor'));
  if (enrolled) {
    const code = codeInput();
    const form: HTMLFormElement = h(
      'form',
      {
        class: 'card',
        onsubmit: whenSubmitted(async () => {
          const sure = await confirmIrreversible({
            title: t('account.removeConfirmTitle'),
            body: [h('p', null, t('account.removeConfirmBody'))],
            confirm: t('account.removeConfirm'),
          });
          if (!sure) return;
          try {
            await api('/auth/totp', { method: 'DELETE', body: { code: code.value } });
            notify(t('account.removed'));
            changed(false);
          } catch (problem) {
            showProblem(form, problem);
          }
        }),
      },
      h('p', null, t('account.enrolled')),
      field(t('account.codeToRemove'), code, t('signIn.codeHint')),
      submit(t('account.remove'), { class: 'danger' }),
    );
    replace(section, heading, form);
    return section;
  }
  const start = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      onclick: async () => {
        try {
          showEnrolment(section, heading, await api<TotpEnrolment>('/auth/totp', { method: 'POST' }), changed);
        } catch (problem) {
          showProblem(section, problem);
        }
      },
    },
    t('account.enrol'),
  );
  replace(section, heading, h('p', null, t('account.notEnrolled')), start);
  return section;
}

async function showEnrolment(section: HTMLElement, heading: HTMLElement, enrolment: TotpEnrolment, changed: (enrolled: boolean) => void) {
  const qr = h('img', {
    class: 'qr-code',
    src: await QRCode.toDataURL(enrolment.otpauthUri, { margin: 2, width: 240 }),
    alt: t('account.qrAlt'),
    width: 240,
    height: 240,
  });
  const code = codeInput();
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card',
      onsubmit: whenSubmitted(async () => {
        try {
          const { recoveryCodes } = await api<RecoveryCodes>('/auth/totp/confirm', { method: 'POST', body: { code: code.value } });
          showRecoveryCodes(section, heading, recoveryCodes, changed);
        } catch (problem) {
          showProblem(form, problem);
        }
      }),
    },
    h('ol', null, h('li', null, t('account.stepScan')), h('li', null, t('account.stepCode'))),
    qr,
    h('p', null, t('account.secretIntro'), ' ', h('code', { class: 'totp-secret' }, enrolment.secret.replace(/(.{4})/g, '$1 ').trim())),
    field(t('signIn.code'), code),
    submit(t('account.confirm'), { class: 'primary' }),
  );
  replace(section, heading, form);
  code.focus();
}

function showRecoveryCodes(section: HTMLElement, heading: HTMLElement, codes: string[], changed: (enrolled: boolean) => void) {
  const text = `${t('account.recoveryFileTitle')}\n\n${codes.join('\n')}\n`;
  const download = h(
    'a',
    { class: 'button', href: URL.createObjectURL(new Blob([text], { type: 'text/plain' })), download: 'near-recovery-codes.txt' },
    t('account.download'),
  );
  const print = h('button', { type: 'button', onclick: () => window.print() }, t('account.print'));
  const done = h('button', { type: 'button', class: 'primary', onclick: () => changed(true) }, t('account.savedThem'));
  replace(
    section,
    heading,
    h(
      'div',
      { class: 'card recovery-codes', role: 'status' },
      h('p', null, t('account.enrolledNow')),
      h('p', null, h('strong', null, t('account.recoveryIntro'))),
      h(
        'ul',
        { class: 'codes', 'aria-label': t('account.recoveryCodes') },
        codes.map((code) => h('li', null, h('code', null, code))),
      ),
      h('div', { class: 'actions' }, download, print, done),
    ),
  );
  done.focus();
}

import type { Locale } from '@near/common';
import { escapeHtml } from './fill-template.js';

/** What the page an e-mail links to shows: the application it is about, or the delegate's agenda. */
export type LinkedPage = 'application' | 'agenda';

const WORDS: Record<Locale, Record<LinkedPage, string>> = {
  en: { application: 'The application in the NEAR admission system:', agenda: 'Your agenda in the NEAR admission system:' },
  ko: {
    application: '본 신청은 NEAR 가입 심사 시스템의 아래 주소에서 확인하실 수 있습니다.',
    agenda: '회의 안건과 표결 현황은 NEAR 가입 심사 시스템의 아래 주소에서 확인하실 수 있습니다.',
  },
  zh: { application: '在NEAR入会审查系统中查看本申请：', agenda: '在NEAR入会审查系统中查看议程与表决：' },
  ja: {
    application: '本申請は、NEAR加入審査システムの次のページでご確認いただけます。',
    agenda: '議題と投票は、NEAR加入審査システムの次のページでご確認いただけます。',
  },
  ru: {
    application: 'Заявка доступна в системе рассмотрения заявок на вступление в АРАССВА по ссылке:',
    agenda: 'Повестка дня доступна в системе рассмотрения заявок на вступление в АРАССВА по ссылке:',
  },
  mn: {
    application: 'Энэ өргөдлийг ЗХАНЗХ-ны гишүүнээр элсэх өргөдлийн системд дараах хаягаар үзнэ үү:',
    agenda: 'Хэлэлцэх асуудал, санал хураалтыг ЗХАНЗХ-ны гишүүнээр элсэх өргөдлийн системд дараах хаягаар үзнэ үү:',
  },
};

// Every template ends its letter before these: the link goes after the signature, above the automatic footer.
const TEXT_FOOTER = '\n-- \n';
const HTML_FOOTER = '<hr';

/** Adds the line that links the message to its page, in the message's language. */
export function withPageLink(message: { text: string; html: string }, locale: Locale, page: LinkedPage, url: string): void {
  const sentence = WORDS[locale][page];
  message.text = insertBefore(message.text, TEXT_FOOTER, `\n${sentence}\n${url}\n`, false);
  const link = escapeHtml(url);
  message.html = insertBefore(message.html, HTML_FOOTER, `<p>${escapeHtml(sentence)}<br>\n<a href="${link}">${link}</a></p>\n`, true);
}

function insertBefore(source: string, marker: string, block: string, html: boolean): string {
  const at = source.lastIndexOf(marker);
  if (at >= 0) return source.slice(0, at) + block + source.slice(at);
  if (html && source.includes('</main>')) return source.replace('</main>', `${block}</main>`);
  return source + block;
}

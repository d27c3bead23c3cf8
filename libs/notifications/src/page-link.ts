import type { Locale } from '@near/common';
import { escapeHtml } from './fill-template.js';

/** What the page an e-mail links to shows: the application it is about, or the delegate's agenda. */
export type LinkedPage = 'application' | 'agenda';

const WORDS: Record<Locale, Record<LinkedPage, string>> = {
  en: { application: 'The application in the NEAR admission system:', agenda: 'Your agenda in the NEAR admission system:' },
  ko: { application: 'NEAR 가입 심사 시스템의 해당 신청:', agenda: 'NEAR 가입 심사 시스템의 안건 목록:' },
  zh: { application: 'NEAR入会审查系统中的本申请：', agenda: 'NEAR入会审查系统中的议程：' },
  ja: { application: 'NEAR加入審査システムにおける本申請：', agenda: 'NEAR加入審査システムの議題一覧：' },
  ru: {
    application: 'Заявка в системе рассмотрения заявок на вступление в АРАССВА:',
    agenda: 'Повестка дня в системе рассмотрения заявок на вступление в АРАССВА:',
  },
  mn: {
    application: 'ЗХАНЗХ-ны гишүүнээр элсэх өргөдлийн систем дэх энэ өргөдөл:',
    agenda: 'ЗХАНЗХ-ны гишүүнээр элсэх өргөдлийн систем дэх хэлэлцэх асуудлын жагсаалт:',
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

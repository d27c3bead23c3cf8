import { CHECKPOINT_BEGIN, CHECKPOINT_END, type EntryInclusion } from '@near/audit';
import type { Locale } from '@near/common';
import { escapeHtml } from './fill-template.js';

const WORDS: Record<Locale, { heading: string; keep: (leaf: number) => string; proof: (size: number) => string }> = {
  en: {
    heading: 'NEAR transparency log',
    keep: (leaf) =>
      `This decision is entry ${leaf} of NEAR's public transparency log. Keep this e-mail: the signed checkpoint below lets your government check at any time, without trusting the server, that the decision record has not been rewritten (docs/verifying.md).`,
    proof: (size) => `Inclusion proof of the entry in the tree of size ${size} (RFC 9162, base64):`,
  },
  ko: {
    heading: 'NEAR 투명성 로그',
    keep: (leaf) =>
      `이 결정은 NEAR 공개 투명성 로그의 ${leaf}번 항목입니다. 이 메일을 보관하여 주시기 바랍니다. 귀 단체는 아래의 서명된 체크포인트로 서버를 신뢰하지 않고도 언제든지 결정 기록이 변경되지 않았음을 확인할 수 있습니다(docs/verifying.md).`,
    proof: (size) => `크기 ${size}인 트리에 이 항목이 포함되었다는 증명(RFC 9162, base64):`,
  },
  zh: {
    heading: 'NEAR 透明日志',
    keep: (leaf) =>
      `本决定为NEAR公开透明日志第${leaf}条记录。请保存本邮件：凭下方经签名的检查点，贵方无需信任服务器，即可随时核实决定记录未被改写（docs/verifying.md）。`,
    proof: (size) => `该条目在规模为${size}的树中的包含证明（RFC 9162，base64）：`,
  },
  ja: {
    heading: 'NEAR 透明性ログ',
    keep: (leaf) =>
      `本決定は、NEARの公開透明性ログの第${leaf}項目です。本メールを保管してください。下記の署名付きチェックポイントにより、貴自治体はサーバーを信頼することなく、いつでも決定の記録が書き換えられていないことを確認できます（docs/verifying.md）。`,
    proof: (size) => `サイズ${size}のツリーにおける本項目の包含証明（RFC 9162、base64）：`,
  },
  ru: {
    heading: 'Журнал прозрачности АРАССВА',
    keep: (leaf) =>
      `Это решение — запись № ${leaf} публичного журнала прозрачности АРАССВА. Просим сохранить это письмо: приведённая ниже подписанная контрольная точка позволяет в любое время, не полагаясь на сервер, убедиться, что запись о решении не была изменена задним числом (docs/verifying.md).`,
    proof: (size) => `Доказательство включения записи в дерево размером ${size} (RFC 9162, base64):`,
  },
  mn: {
    heading: 'ЗХАНЗХ (NEAR)-ны ил тод байдлын бүртгэл',
    keep: (leaf) =>
      `Энэхүү шийдвэр нь ЗХАНЗХ (NEAR)-ны нийтэд нээлттэй ил тод байдлын бүртгэлийн ${leaf}-р бичилт юм. Энэ захидлыг хадгална уу: доорх гарын үсэгтэй хяналтын цэгээр Та серверт найдалгүйгээр шийдвэрийн бичилт өөрчлөгдөөгүйг хүссэн үедээ шалгах боломжтой (docs/verifying.md).`,
    proof: (size) => `${size} хэмжээтэй модонд энэ бичилт орсныг нотлох баримт (RFC 9162, base64):`,
  },
};

/**
 * What a decision e-mail adds at its end, so that every member holds a checkpoint the server can no longer
 * take back: the entry's leaf index, its inclusion proof, and the first signed checkpoint holding it.
 */
export function logRecordBlock(locale: Locale, inclusion: EntryInclusion): { text: string; html: string } {
  const words = WORDS[locale] ?? WORDS.en;
  const lines = [
    words.keep(inclusion.leafIndex),
    '',
    words.proof(inclusion.treeSize),
    ...inclusion.proof,
    '',
    CHECKPOINT_BEGIN,
    inclusion.checkpoint.trimEnd(),
    CHECKPOINT_END,
  ];
  return {
    text: `\n-- ${words.heading} --\n${lines.join('\n')}\n`,
    html: `<section style="margin-top:24px;border-top:1px solid #ccc;padding-top:12px;font-size:13px;"><h2 style="font-size:15px;">${escapeHtml(words.heading)}</h2><pre style="white-space:pre-wrap;font-family:monospace;">${escapeHtml(lines.join('\n'))}</pre></section>`,
  };
}

import { DEFAULT_LOCALE } from '@near/common';
import { wordsFor } from '../document-words.js';
import type { DecisionFacts } from '../document-facts.repository.js';
import { DocumentPdf, type TextOptions } from '../pdf/document-pdf.js';
import { cjkFormOf } from '../pdf/fonts.js';
import { finishDocument, formatDayOf, formOf, type LayoutContext, sessionName } from './formats.js';

/**
 * The certificate of admission: English and the government's language side by side, its names in both, the
 * category, the date and body of the decision, the reference, and a QR code of the public verification address.
 */
export function certificate(context: LayoutContext, decision: DecisionFacts, qrCode: Buffer): Promise<Buffer> {
  const { application } = decision;
  const local = context.locale === DEFAULT_LOCALE ? undefined : context;
  const english: LayoutContext = { ...context, locale: DEFAULT_LOCALE, words: wordsFor(DEFAULT_LOCALE) };
  const both = (say: (side: LayoutContext) => string, options?: TextOptions) => ({
    left: say(english),
    right: local && say(local),
    options,
    rightForm: cjkFormOf(context.locale),
  });
  const decided = (side: LayoutContext) =>
    side.words('certificate.decided', {
      body: sessionName(side, decision.session),
      date: formatDayOf(side.locale, decision.closedAt, decision.session.timeZone),
    });
  const pdf = new DocumentPdf({
    title: `${english.words('certificate.title')} · ${application.reference}`,
    language: context.locale,
    createdAt: decision.closedAt,
  });
  pdf
    .space(2)
    .sideBySide([
      both((side) => side.words('certificate.title'), { size: 19, bold: true, gapAfter: 26 }),
      both((side) => side.words('certificate.certify'), { gapAfter: 14 }),
      { left: application.government.nameEn, options: { size: 17, bold: true, gapAfter: 4 } },
    ]);
  if (application.government.nameLocal && application.government.nameLocal !== application.government.nameEn) {
    pdf.paragraph(application.government.nameLocal, {
      size: 17,
      bold: true,
      align: 'center',
      cjkForm: formOf(application.government),
      gapAfter: 14,
    });
  }
  pdf
    .sideBySide([
      both((side) => side.words('certificate.admitted'), { gapAfter: 8 }),
      both((side) => side.words(`category.${application.category}`), { size: 14, bold: true, gapAfter: 8 }),
      both(decided, { gapAfter: 30 }),
    ])
    .fields([[english.words('reference') + (local ? ` · ${local.words('reference')}` : ''), application.reference]])
    .space()
    .image(
      qrCode,
      110,
      [english, local]
        .filter((side) => side !== undefined)
        .map((side) => side.words('certificate.scan'))
        .join(' · '),
    )
    .paragraph(context.verifyUrl, { size: 9, align: 'center' })
    .space()
    .paragraph(english.words('secretariat') + (local ? ` · ${local.words('secretariat')}` : ''), { bold: true, align: 'center' });
  return finishDocument(pdf, english, application.reference);
}

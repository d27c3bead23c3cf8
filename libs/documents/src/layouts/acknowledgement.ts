import type { ApplicationFacts } from '../document-facts.repository.js';
import { DocumentPdf } from '../pdf/document-pdf.js';
import { finishDocument, formatDayOf, formOf, governmentName, type LayoutContext } from './formats.js';

/** Acknowledgement of receipt, made when an application is filed. */
export function acknowledgement(context: LayoutContext, application: ApplicationFacts): Promise<Buffer> {
  const { words, locale } = context;
  const pdf = new DocumentPdf({
    title: `${words('acknowledgement.title')} · ${application.reference}`,
    language: locale,
    createdAt: application.submittedAt,
  });
  pdf
    .title(words('acknowledgement.title'))
    .paragraph(words('acknowledgement.intro'), { gapAfter: 12 })
    .fields([
      [words('reference'), application.reference],
      [words('government'), governmentName(application.government), formOf(application.government)],
      [words('category'), words(`category.${application.category}`)],
      [words('acknowledgement.filedOn'), formatDayOf(locale, application.submittedAt, application.timeZone)],
    ])
    .heading(words('acknowledgement.nextTitle'));
  for (const [index, step] of ['acknowledgement.next1', 'acknowledgement.next2', 'acknowledgement.next3'].entries()) {
    pdf.paragraph(`${index + 1}. ${words(step)}`);
  }
  pdf.space().paragraph(words('secretariat'), { bold: true });
  return finishDocument(pdf, context, application.reference);
}

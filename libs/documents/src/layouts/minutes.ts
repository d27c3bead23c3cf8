import type { MinutesFacts } from '../document-facts.repository.js';
import { DocumentPdf } from '../pdf/document-pdf.js';
import { finishDocument, formatCount, formatDay, formatInstant, governmentName, type LayoutContext, sessionName } from './formats.js';

/** The minutes of a closed session: when and where it met, how many were present, and every decision taken in it. */
export function minutes(context: LayoutContext, facts: MinutesFacts): Promise<Buffer> {
  const { words, locale } = context;
  const { session } = facts;
  const name = sessionName(context, session);
  const closedAt = session.closedAt ?? facts.decisions.at(-1)?.closedAt ?? new Date(0);
  const pdf = new DocumentPdf({ title: `${words('minutes.title')} · ${name}`, language: locale, createdAt: closedAt });
  const when: [string, string][] = session.deadline
    ? [[words('minutes.deadline'), formatInstant(locale, session.deadline)]]
    : [
        [words('minutes.dates'), `${formatDay(locale, session.startsOn!)} – ${formatDay(locale, session.endsOn!)}`],
        ...(session.venue ? [[words('minutes.venue'), session.venue] as [string, string]] : []),
      ];
  pdf
    .title(words('minutes.title'))
    .paragraph(name, { size: 14, bold: true, align: 'center', gapAfter: 12 })
    .fields([...when, [words('minutes.closed'), formatInstant(locale, closedAt)]]);
  if (!session.deadline) pdf.paragraph(words('minutes.present', { count: formatCount(locale, facts.present) }));
  pdf.heading(words('minutes.decisionsTitle'));
  if (facts.decisions.length === 0) {
    pdf.paragraph(words('minutes.noDecisions'));
  } else {
    pdf.table(
      [
        { header: words('reference'), width: 0.22 },
        { header: words('government'), width: 0.4 },
        { header: words('decision.outcome'), width: 0.38 },
      ],
      facts.decisions.map(({ application, outcome, tally }) => [
        application.reference,
        `${governmentName(application.government)}\n${words(`category.${application.category}`)}`,
        words('minutes.decision', {
          outcome: words(`outcome.${outcome}`),
          yes: formatCount(locale, tally.yes),
          no: formatCount(locale, tally.no),
          abstain: formatCount(locale, tally.abstain),
        }),
      ]),
    );
  }
  pdf.space().paragraph(words('secretariat'), { bold: true });
  return finishDocument(pdf, context, name);
}

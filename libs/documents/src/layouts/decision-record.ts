import { decide } from '@near/voting';
import type { DecisionFacts } from '../document-facts.repository.js';
import { DocumentPdf } from '../pdf/document-pdf.js';
import {
  finishDocument,
  formatCount,
  formatInstant,
  formOf,
  governmentName,
  type LayoutContext,
  sessionName,
  tallySentence,
} from './formats.js';

/** Where the decision stands in the transparency log: its leaf and the first signed checkpoint holding it. */
export interface DecisionInclusion {
  leafIndex: number;
  checkpoint: string;
}

/**
 * The record of one closed ballot: the rule as frozen when it opened, the roll and attendance, the quorum
 * check, the tally, each government's choice when the ballot was named, the outcome, and the signed checkpoint
 * that first includes the decision's entry, so that a reader can check it against the public log.
 */
export function decisionRecord(context: LayoutContext, decision: DecisionFacts, inclusion: DecisionInclusion): Promise<Buffer> {
  const { words, locale } = context;
  const { application, tally } = decision;
  const checks = decide(
    { quorum: decision.quorum, majority: decision.majority, secrecy: decision.ballotSecrecy } as Parameters<typeof decide>[0],
    tally,
  );
  const count = (n: number) => formatCount(locale, n);
  const meeting = decision.session.body !== 'written_procedure';
  const pdf = new DocumentPdf({
    title: `${words('decision.title')} · ${application.reference}`,
    language: locale,
    createdAt: decision.closedAt,
  });
  pdf
    .title(words('decision.title'))
    .fields([
      [words('decision.application'), application.reference],
      [words('government'), governmentName(application.government), formOf(application.government)],
      [words('category'), words(`category.${application.category}`)],
      [words('decision.body'), sessionName(context, decision.session)],
      [words('decision.opened'), formatInstant(locale, decision.openedAt)],
      [words('decision.closed'), formatInstant(locale, decision.closedAt)],
    ])
    .heading(words('decision.ruleTitle'))
    .fields([
      [words('decision.quorum'), words(`quorum.${decision.quorum}`)],
      [words('decision.majority'), words(`majority.${decision.majority}`)],
      [words('decision.secrecy'), words(`secrecy.${decision.ballotSecrecy}`)],
    ])
    .heading(words('decision.rollTitle'))
    .paragraph(words('decision.roll', { count: count(tally.voters) }));
  if (meeting) pdf.paragraph(words('decision.present', { count: count(decision.roll.filter((entry) => entry.presentAtOpening).length) }));
  pdf
    .paragraph(
      decision.quorum === 'none'
        ? words('decision.noQuorum')
        : words(checks.quorum.met ? 'decision.quorumMet' : 'decision.quorumNotMet', {
            actual: count(checks.quorum.actual),
            required: count(checks.quorum.required),
          }),
    )
    .heading(words('decision.tallyTitle'))
    .paragraph(tallySentence(context, tally))
    .paragraph(
      words(checks.majority.met ? 'decision.majorityMet' : 'decision.majorityNotMet', {
        yes: count(checks.majority.yes),
        required: count(checks.majority.required),
      }),
    )
    .heading(words('decision.outcome'))
    .paragraph(words(`outcome.${decision.outcome}`), { size: 15, bold: true });
  pdf.heading(words('decision.ballotsTitle'));
  if (decision.ballotSecrecy === 'named') {
    const presence = (present: boolean) => (present ? words('present.yes') : words('present.no'));
    const choice = (entry: (typeof decision.roll)[number]) => words(`choice.${entry.choice ?? 'none'}`);
    // A written procedure records no attendance: its roll votes or does not, with no column of who was present.
    pdf.table(
      meeting
        ? [
            { header: words('government'), width: 0.58 },
            { header: words('decision.presentColumn'), width: 0.2 },
            { header: words('decision.choiceColumn'), width: 0.22 },
          ]
        : [
            { header: words('government'), width: 0.7 },
            { header: words('decision.choiceColumn'), width: 0.3 },
          ],
      decision.roll.map((entry) =>
        meeting ? [governmentName(entry), presence(entry.presentAtOpening), choice(entry)] : [governmentName(entry), choice(entry)],
      ),
    );
  } else {
    pdf.paragraph(words('decision.secretBallots'));
  }
  pdf
    .heading(words('decision.logTitle'))
    .paragraph(words('decision.logEntry', { leafIndex: inclusion.leafIndex }))
    .verbatim(inclusion.checkpoint)
    .paragraph(words('verify', { url: context.verifyUrl }), { size: 9 });
  return finishDocument(pdf, context, application.reference);
}

import type { CorrectionFacts } from '../notification-events.js';

/** The words a language lists an answer's corrections and documents with. */
export interface CorrectionWords {
  /** Opens the list of what the answer corrected in the application. */
  corrected: string;
  /** Opens the list of the documents the answer sent. */
  documents: string;
  category: string;
  headOfGovernment: string;
  statementOfPurpose: string;
  contact: string;
  member: string;
  associate: string;
  /** Between a field and its value, and between two values: `: ` and `, `, or full-width `：` and `、` in Chinese and Japanese. */
  colon: string;
  comma: string;
}

export const ENGLISH_CORRECTION_WORDS: CorrectionWords = {
  corrected: 'With the answer, the applicant corrected the application:',
  documents: 'Documents sent with the answer:',
  category: 'Category',
  headOfGovernment: 'Head of government',
  statementOfPurpose: 'Statement of purpose',
  contact: 'Contact officer',
  member: 'Member',
  associate: 'Associate member',
  colon: ': ',
  comma: ', ',
};

/** What an answer corrected and sent, one line each under its heading; empty when it did neither. */
export function correctionsText(words: CorrectionWords, facts: CorrectionFacts): string {
  const corrected: string[] = [];
  const field = (label: string, value: string) => corrected.push(`${label}${words.colon}${value}`);
  if (facts.category) field(words.category, facts.category === 'associate' ? words.associate : words.member);
  if (facts.headOfGovernment) field(words.headOfGovernment, facts.headOfGovernment);
  if (facts.statementOfPurpose) field(words.statementOfPurpose, facts.statementOfPurpose);
  if (facts.contact) {
    const { name, email, phone } = facts.contact;
    field(words.contact, `${name} <${email}>${phone ? `${words.comma}${phone}` : ''}`);
  }
  const documents = facts.attachments ?? [];
  return [
    corrected.length > 0 ? [words.corrected, ...corrected.map((line) => `- ${line}`)].join('\n') : '',
    documents.length > 0 ? [words.documents, ...documents.map((title) => `- ${title}`)].join('\n') : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

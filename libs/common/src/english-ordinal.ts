const SUFFIXES: Readonly<Record<string, string>> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const ORDINAL_FORMS = new Intl.PluralRules('en', { type: 'ordinal' });

/**
 * A number as English ranks it ("1st", "12th", "23rd"): the 10th General Assembly. English alone writes its ordinals
 * with a suffix chosen by the number; the other languages put their ordinal mark around it (제10차, 第10回, 10-я).
 */
export const englishOrdinal = (number: number): string => `${number}${SUFFIXES[ORDINAL_FORMS.select(number)]}`;

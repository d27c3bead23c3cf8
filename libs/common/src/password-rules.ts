import { dictionary } from '@zxcvbn-ts/language-common';

// The rules for a password a person chooses, after NIST SP 800-63B §5.1.1.2: a length, no composition rules,
// and a refusal of what guessers try first. Here (not in libs/identity) because the configuration checks the
// production ADMIN_PASSWORD against them before anything starts.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** Why a password is refused; the web app words each one. */
export type PasswordRefusal = 'too-short' | 'too-long' | 'common' | 'contains-email';

// Some 49,000 passwords from breach corpora, most used first (zxcvbn-ts's common list); compared without case.
let common: ReadonlySet<string> | undefined;
const commonPasswords = (): ReadonlySet<string> => (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

/** The shortest local part of an address refused inside a password: shorter ones ("jo") are too common to mean it. */
const MIN_LOCAL_PART = 3;

/** Why this password may not be chosen by the owner of this address, or null when it may. */
export function passwordRefusal(password: string, email: string): PasswordRefusal | null {
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too-short';
  if (length > PASSWORD_MAX_LENGTH) return 'too-long';
  const lower = password.normalize('NFC').toLowerCase();
  if (commonPasswords().has(lower)) return 'common';
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  if (lower.includes(address) || (localPart.length >= MIN_LOCAL_PART && lower.includes(localPart))) return 'contains-email';
  return null;
}

const SENTENCES: Record<PasswordRefusal, string> = {
  'too-short': `must be at least ${PASSWORD_MIN_LENGTH} characters long`,
  'too-long': `must be at most ${PASSWORD_MAX_LENGTH} characters long`,
  common: 'is one of the passwords most often used or found in breaches; choose another',
  'contains-email': 'must not contain your e-mail address or the part before the @',
};

/** The refusal as the end of a sentence that starts with the field's name. */
export const passwordRefusalSentence = (refusal: PasswordRefusal): string => SENTENCES[refusal];

import { passwordRefusal, passwordRefusalSentence } from '@near/common';
import { IdentityError, IdentityErrorCode } from './identity-error.js';
import { hashPassword } from './password-hasher.js';

/**
 * The hash of a password a user chooses, once the rules accept it for that user's address. A refusal names the
 * request's field and the reason, so that the API answers it as a field's validation error.
 */
export async function hashChosenPassword(password: string, email: string, field: string): Promise<string> {
  const refusal = passwordRefusal(password, email);
  if (refusal) {
    throw new IdentityError(IdentityErrorCode.PasswordRefused, `${field} ${passwordRefusalSentence(refusal)}.`, { field, reason: refusal });
  }
  return hashPassword(password);
}

import type { ApplicationAction } from '@near/admission';
import { createValidationPipe, RequestValidationException } from '../http/validation.js';
import { ACTION_BODIES, NoBody } from './dto/action-bodies.js';

const validation = createValidationPipe();

/**
 * Validates the body of an action against the shape that action takes. An unknown action's body is
 * left alone: the transition refuses the action itself, as the workflow defines.
 */
export async function validateActionBody(action: string, body: unknown): Promise<object> {
  if (!Object.hasOwn(ACTION_BODIES, action)) return {};
  const bodyClass = ACTION_BODIES[action as ApplicationAction];
  if (bodyClass === NoBody) {
    // class-validator refuses to validate a class without rules, so "no fields at all" is checked here.
    const fields = body && typeof body === 'object' ? Object.keys(body) : [];
    if (fields.length > 0) {
      throw new RequestValidationException(fields.map((field) => ({ field, messages: [`property ${field} should not exist`] })));
    }
    return {};
  }
  return validation.transform(body ?? {}, { type: 'body', metatype: bodyClass });
}

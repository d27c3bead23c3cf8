import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@near/common';
import { isUploadedPart, unsafeInputErrors, uploadedFileNameErrors } from './unsafe-input.js';

/** A 400 whose problem document lists every failing field by its dotted path. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super(
      `The request has ${fieldErrors.length} invalid field${fieldErrors.length === 1 ? '' : 's'}: ${fieldErrors.map((e) => e.field).join(', ')}.`,
    );
  }
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The DTO's rules, after the checks every input gets whatever its DTO (see unsafeInputErrors). */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const unsafe =
      metadata.type === 'custom'
        ? // Uploaded files come as custom parameters (@UploadedFile, @UploadedFiles).
          [value].flat().filter(isUploadedPart).flatMap(uploadedFileNameErrors)
        : unsafeInputErrors(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
    if (unsafe.length > 0) throw new RequestValidationException(unsafe);
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationException(flatten(errors)),
  });
}

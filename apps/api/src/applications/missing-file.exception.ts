import { BadRequestException } from '@nestjs/common';

export class MissingFileException extends BadRequestException {
  constructor(field = 'file') {
    super(`Send the letter as multipart/form-data in the field "${field}".`);
  }
}

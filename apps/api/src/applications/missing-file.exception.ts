import { BadRequestException } from '@nestjs/common';

export class MissingFileException extends BadRequestException {
  constructor() {
    super('Send the letter as multipart/form-data in the field "file".');
  }
}

import { type ArgumentMetadata, Injectable, ParseUUIDPipe } from '@nestjs/common';

/** A UUID path parameter, lower-cased: ids are also kept as text (audit entries), where case matters. */
@Injectable()
export class UuidParamPipe extends ParseUUIDPipe {
  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    return (await super.transform(value, metadata))!.toLowerCase();
  }
}

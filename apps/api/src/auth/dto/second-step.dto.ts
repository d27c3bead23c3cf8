import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** A TOTP code (six digits) or a recovery code (`xxxxx-xxxxx`). */
export class CodeDto {
  @ApiProperty({ example: '123456', description: 'The six digits the authenticator app shows, or a recovery code.', maxLength: 32 })
  @IsString()
  @MinLength(6)
  @MaxLength(32)
  @Matches(/^[0-9A-Za-z\s-]+$/, { message: 'code must be the digits of the app or a recovery code' })
  code!: string;
}

export class SecondStepDto extends CodeDto {
  @ApiProperty({ description: 'The `mfaToken` of the answer to POST /auth/login (valid 5 minutes).', maxLength: 2048 })
  @IsString()
  @MinLength(1)
  @MaxLength(2048)
  mfaToken!: string;
}

export class MfaRequiredDto {
  @ApiProperty({ enum: [true] }) mfaRequired!: true;
  @ApiProperty({ description: 'Send it with a code to POST /auth/login/totp within 5 minutes; it grants nothing else.' })
  mfaToken!: string;
}

export class TotpEnrolmentDto {
  @ApiProperty({ description: 'An otpauth:// URI for an authenticator app (shown as a QR code).' }) otpauthUri!: string;
  @ApiProperty({ description: 'The same secret in base32, to type into an app that cannot scan.' }) secret!: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: [String], description: 'Ten single-use codes, shown this once.' }) recoveryCodes!: string[];
}

import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';
import { LinkToken } from './chosen-password.js';

export class UnlockRequestDto {
  @ApiProperty({ example: 'delegate.toyama@near.example', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class UnlockConfirmDto {
  @LinkToken()
  token!: string;
}

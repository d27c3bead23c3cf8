import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'delegate.toyama@near.example', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

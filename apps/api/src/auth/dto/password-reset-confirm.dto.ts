import { ChosenPassword, LinkToken } from './chosen-password.js';

export class PasswordResetConfirmDto {
  @LinkToken()
  token!: string;

  @ChosenPassword()
  newPassword!: string;
}

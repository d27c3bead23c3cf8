import { ChosenPassword, LinkToken } from './chosen-password.js';

export class AcceptInvitationDto {
  @LinkToken()
  token!: string;

  @ChosenPassword()
  password!: string;
}

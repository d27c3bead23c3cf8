import type { BallotChoice } from '../../api/types.js';

// The API confirms a cast ballot but offers no way to read it back (a secret ballot is sealed), so the
// delegate's last confirmed choice is remembered on this device.
const key = (userId: string, applicationId: string) => `near.ballot.${userId}.${applicationId}`;

export const rememberedChoice = (userId: string, applicationId: string) =>
  localStorage.getItem(key(userId, applicationId)) as BallotChoice | null;

export const rememberChoice = (userId: string, applicationId: string, choice: BallotChoice) =>
  localStorage.setItem(key(userId, applicationId), choice);

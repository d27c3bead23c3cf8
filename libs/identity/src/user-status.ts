/** Where a user's account stands: invited (no password chosen yet), active, or disabled (refused everywhere). */
export const USER_STATUSES = ['invited', 'active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export function userStatus(user: { disabledAt: Date | null; invited: boolean }): UserStatus {
  if (user.disabledAt) return 'disabled';
  return user.invited ? 'invited' : 'active';
}

/**
 * Who hears of a change; the outbox turns each into the people's addresses when the change commits.
 * `present-delegates`: the delegates of the governments that may vote on the application (on its roll, and at a
 * meeting recorded present); `member-delegates`: the delegates of every member.
 */
export type Audience = 'applicant-contact' | 'secretariat' | 'member-delegates' | 'present-delegates';

/** Who hears of a change; the outbox turns each into the people's addresses when the change commits. */
export type Audience = 'applicant-contact' | 'secretariat' | 'member-delegates' | 'present-delegates';

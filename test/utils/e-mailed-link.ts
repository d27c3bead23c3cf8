import type { Mailbox, ReceivedMail } from './mailbox.js';
import { waitFor } from './spawn-app.js';

export const TEST_APP_URL = 'https://near.example';

/** The e-mails to an address with this subject, once at least `count` have arrived. */
export function mailsTo(mailbox: Mailbox, address: string, subject: RegExp, count = 1): Promise<ReceivedMail[]> {
  return waitFor(
    async () => {
      const mails = mailbox.to(address).filter((mail) => subject.test(mail.subject));
      return mails.length >= count ? mails : undefined;
    },
    20_000,
    `${count} e-mail(s) "${subject.source}" to ${address}`,
  );
}

/** The link of an invitation or reset e-mail, as its text shows it, and the token that ends it. */
export function linkIn(mail: ReceivedMail, kind: 'invitation' | 'password-reset', appUrl = TEST_APP_URL): { link: string; token: string } {
  const pattern = new RegExp(`${appUrl.replace(/[.:/]/g, (character) => `\\${character}`)}/app/${kind}/(\\S+)`);
  const match = pattern.exec(mail.text);
  if (!match) throw new Error(`No ${kind} link in the e-mail "${mail.subject}": ${mail.text}`);
  return { link: match[0], token: match[1] };
}

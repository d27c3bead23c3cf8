// `npm run log:keygen -- <origin>`: prints a new signing key for the transparency log and its verifier key.
// Set the first as LOG_SIGNING_KEY (a secret); publish the second (GET /log/key serves it too).
import { generateSignerKey, parseSignerKey, verifierKeyOf } from '@near/audit';

const origin = process.argv[2] ?? process.env.LOG_ORIGIN;
if (!origin || !/^[!-*,-~]+$/.test(origin)) {
  console.error(
    'log-keygen: give the log\'s origin, printable ASCII without spaces or "+": npm run log:keygen -- near.example/admission-log',
  );
  process.exit(2);
}
const signer = generateSignerKey(origin);
console.log(`LOG_ORIGIN=${origin}`);
console.log(`LOG_SIGNING_KEY=${signer}`);
console.log(`# verifier key (publish it): ${verifierKeyOf(parseSignerKey(signer))}`);

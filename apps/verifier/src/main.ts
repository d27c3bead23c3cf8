// The offline verifier: `npm run log:verify -- DIR [--checkpoint FILE …] [--receipt FILE …] [--key FILE …]`. Node's
// standard library only at run time, no database, no server. Exit 0: the bundle holds (a one-screen summary); 1: it
// does not (the first entry or checkpoint that fails, and why); 2: it, or a file given, could not be read.
import { resolve } from 'node:path';
import { UnreadableFile } from './unreadable-file.js';
import { verifyBundle } from './verify-bundle.js';

const USAGE = 'usage: npm run log:verify -- DIR [--checkpoint FILE …] [--receipt FILE …] [--key FILE …]';
/** npm runs a script in the project's folder: paths are meant from where the member typed the command. */
const from = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const held: string[] = [];
  const receipts: string[] = [];
  const trustedKeys: string[] = [];
  let directory: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--checkpoint' && args[i + 1]) held.push(from(args[++i]));
    else if (args[i] === '--receipt' && args[i + 1]) receipts.push(from(args[++i]));
    else if (args[i] === '--key' && args[i + 1]) trustedKeys.push(from(args[++i]));
    else if (!args[i].startsWith('--') && directory === undefined) directory = from(args[i]);
    else {
      console.error(USAGE);
      return 2;
    }
  }
  if (!directory) {
    console.error(USAGE);
    return 2;
  }
  try {
    const verdict = await verifyBundle(directory, { held, receipts, trustedKeys });
    for (const line of verdict.lines) console.log(line);
    return verdict.ok ? 0 : 1;
  } catch (error) {
    const message = (error as Error).message;
    console.error(`log-verify: ${error instanceof UnreadableFile ? message : `cannot read the bundle in ${directory}: ${message}`}`);
    return 2;
  }
}

process.exitCode = await main();

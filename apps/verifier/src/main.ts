// The offline verifier: `npm run log:verify -- DIR [--checkpoint FILE …] [--receipt FILE …]`. Node's standard library only at run
// time, no database, no server. Exit 0: the bundle holds (a one-screen summary); 1: it does not (the first
// entry or checkpoint that fails, and why); 2: it could not be read.
import { UnreadableFile } from './unreadable-file.js';
import { verifyBundle } from './verify-bundle.js';

const USAGE = 'usage: npm run log:verify -- DIR [--checkpoint FILE …] [--receipt FILE …]';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const held: string[] = [];
  const receipts: string[] = [];
  let directory: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--checkpoint' && args[i + 1]) held.push(args[++i]);
    else if (args[i] === '--receipt' && args[i + 1]) receipts.push(args[++i]);
    else if (!args[i].startsWith('--') && directory === undefined) directory = args[i];
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
    const verdict = await verifyBundle(directory, held, receipts);
    for (const line of verdict.lines) console.log(line);
    return verdict.ok ? 0 : 1;
  } catch (error) {
    const message = (error as Error).message;
    console.error(`log-verify: ${error instanceof UnreadableFile ? message : `cannot read the bundle in ${directory}: ${message}`}`);
    return 2;
  }
}

process.exitCode = await main();

// Starts the API and the worker side by side (demo data on, outside production) and stops both together.
// `node scripts/start-all.js api` (or `worker`) starts one of them alone.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

// V8 sizes its heap for the machine (GBs here) and keeps garbage rather than collect it; capped, the same loads
// run in ~160 MB instead of ~350 MB (docs/benchmarks.md, change 5, "A capped heap"). NODE_OPTIONS still overrides.
const NODE_FLAGS = JSON.parse(readFileSync(new URL('./node-flags.json', import.meta.url), 'utf8'));
// glibc raises its mmap threshold to the size of each large block freed (up to 32 MiB), so that after the first
// sign-in every scrypt buffer (16 MiB) comes from the heap and stays in the RSS when freed: +70 MB after 40 sign-ins.
// A fixed threshold keeps blocks above 1 MiB mapped and returned. The environment still overrides.
const NODE_ENV_DEFAULTS = JSON.parse(readFileSync(new URL('./node-env.json', import.meta.url), 'utf8'));

const env = { ...NODE_ENV_DEFAULTS, ...process.env };
if (env.NODE_ENV !== 'production') env.DEMO_DATA ??= 'true';

const ENTRIES = {
  api: 'dist/apps/api/apps/api/src/main.js',
  worker: 'dist/apps/worker/apps/worker/src/main.js',
};
const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(ENTRIES);
for (const name of names) if (!ENTRIES[name]) throw new Error(`start-all: no app named ${name} (api, worker)`);

const processes = names.map((name) => ({
  name,
  child: spawn(process.execPath, [...NODE_FLAGS[name], ENTRIES[name]], { env, stdio: 'inherit' }),
}));

let stopping = false;
function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const { child } of processes) if (child.exitCode === null) child.kill(signal);
}

for (const { name, child } of processes) {
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`near: the ${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.`);
      process.exitCode = code || 1;
    }
    stopAll('SIGTERM');
  });
}
process.on('SIGINT', () => stopAll('SIGINT'));
process.on('SIGTERM', () => stopAll('SIGTERM'));

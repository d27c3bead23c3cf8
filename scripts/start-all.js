// Starts the API and the worker side by side (demo data on, outside production) and stops both together.
import { spawn } from 'node:child_process';

const env = { ...process.env };
if (env.NODE_ENV !== 'production') env.DEMO_DATA ??= 'true';

const processes = [
  ['api', 'dist/apps/api/apps/api/src/main.js'],
  ['worker', 'dist/apps/worker/apps/worker/src/main.js'],
].map(([name, entry]) => ({ name, child: spawn(process.execPath, [entry], { env, stdio: 'inherit' }) }));

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

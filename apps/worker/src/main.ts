import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { runMain, sayWhenStopping } from '@near/common';
import { loadAppConfig } from '@near/config';
import { createWorker } from './create-worker.js';

runMain('near-worker', async () => {
  const loaded = await loadAppConfig();
  sayWhenStopping();
  const worker = await createWorker(loaded);
  worker.get(Logger).log('Worker ready', 'Worker');
});

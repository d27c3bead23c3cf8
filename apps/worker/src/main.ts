import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { runMain } from '@near/common';
import { loadAppConfig } from '@near/config';
import { createWorker } from './create-worker.js';

runMain('near-worker', async () => {
  const worker = await createWorker(await loadAppConfig());
  worker.get(Logger).log('Worker ready', 'Worker');
});

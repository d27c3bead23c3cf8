import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { runMain } from '@near/common';
import { loadAppConfig } from '@near/config';
import { demoBanner } from '@near/demo';
import { createApi } from './create-api.js';
import { openPool } from './open-pool.js';
import { warmUp } from './warm-up.js';

runMain('near-api', async () => {
  const loaded = await loadAppConfig();
  const { config } = loaded;
  const app = await createApi(loaded);
  await openPool(app);
  if (config.http.warmUpCasts > 0) {
    const started = Date.now();
    const outcome = await warmUp(app, config.http.warmUpCasts);
    new Logger('WarmUp').log(`${config.http.warmUpCasts} casts refused in ${Date.now() - started} ms: ${JSON.stringify(outcome)}`);
  }
  await app.listen({ port: config.http.port, host: config.http.host });
  if (config.demoData) {
    const host = ['0.0.0.0', '::'].includes(config.http.host) ? 'localhost' : config.http.host;
    console.log(demoBanner(`http://${host}:${config.http.port}`, config.admin));
  }
});

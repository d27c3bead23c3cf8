import 'reflect-metadata';
import { runMain, sayWhenStopping } from '@near/common';
import { loadAppConfig } from '@near/config';
import { demoBanner } from '@near/demo';
import { createApi } from './create-api.js';
import { openPool } from './open-pool.js';

runMain('near-api', async () => {
  const loaded = await loadAppConfig();
  const { config } = loaded;
  sayWhenStopping();
  const app = await createApi(loaded);
  await openPool(app);
  await app.listen({ port: config.http.port, host: config.http.host });
  if (config.demoData) {
    const host = ['0.0.0.0', '::'].includes(config.http.host) ? 'localhost' : config.http.host;
    console.log(demoBanner(`http://${host}:${config.http.port}`, config.admin));
  }
});

// The reads baseline, run as its own process like the API: bare Fastify answering one `pg` query for the
// row of an application. Same Fastify (the one @nestjs/platform-fastify runs on), same pool size as the API.
// A second route sends the two statements the API sends for the same read (for the explanation, not the ratio).
// Usage: node dist/bench/bench/bare-fastify.js <database url> <port> <pool size> <sign-in session id>
import Fastify from 'fastify';
import pg from 'pg';
import { ACTIVE_CALLER_STATEMENT, APPLICATION_VIEW_STATEMENT } from './lib/statements.js';

const [url, port, poolSize, sessionId] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: Number(poolSize), application_name: 'near-bench-bare' });
const app = Fastify({ logger: false });

app.get<{ Params: { id: string } }>('/applications/:id', async (request, reply) => {
  const { rows } = await pool.query('SELECT * FROM applications WHERE id = $1', [request.params.id]);
  if (rows.length === 0) return reply.code(404).send({ title: 'Not Found' });
  return rows[0];
});
app.get<{ Params: { id: string } }>('/same-statements/applications/:id', async (request, reply) => {
  const { id } = request.params;
  const user = await pool.query({ ...ACTIVE_CALLER_STATEMENT, values: [sessionId] });
  if (user.rows.length === 0) return reply.code(401).send({ title: 'Unauthorized' });
  const { rows } = await pool.query({ ...APPLICATION_VIEW_STATEMENT, values: [id] });
  if (rows.length === 0) return reply.code(404).send({ title: 'Not Found' });
  return rows[0];
});
app.get('/health', async () => ({ status: 'up' }));

await app.listen({ port: Number(port), host: '127.0.0.1' });
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => pool.end())
    .finally(() => process.exit(0));
});

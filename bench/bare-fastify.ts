// The reads baseline, run as its own process like the API: bare Fastify answering one `pg` query for the
// row of an application. Same Fastify (the one @nestjs/platform-fastify runs on), same pool size as the API.
// A second route sends the six statements the API sends for the same read (for the explanation, not the ratio).
// Usage: node dist/bench/bench/bare-fastify.js <database url> <port> <pool size> <user id>
import Fastify from 'fastify';
import pg from 'pg';
import { SELECT_APPLICATION, SELECT_CRITERIA, SELECT_GOVERNMENT, SELECT_LETTER, SELECT_MESSAGES, SELECT_USER } from './lib/statements.js';

const [url, port, poolSize, userId] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: Number(poolSize), application_name: 'near-bench-bare' });
const app = Fastify({ logger: false });

app.get<{ Params: { id: string } }>('/applications/:id', async (request, reply) => {
  const { rows } = await pool.query('SELECT * FROM applications WHERE id = $1', [request.params.id]);
  if (rows.length === 0) return reply.code(404).send({ title: 'Not Found' });
  return rows[0];
});
app.get<{ Params: { id: string } }>('/same-statements/applications/:id', async (request, reply) => {
  const { id } = request.params;
  const user = await pool.query(SELECT_USER, [userId]);
  if (user.rows.length === 0) return reply.code(401).send({ title: 'Unauthorized' });
  const { rows } = await pool.query(SELECT_APPLICATION, [id]);
  if (rows.length === 0) return reply.code(404).send({ title: 'Not Found' });
  const [government, criteria, letter, messages] = await Promise.all([
    pool.query(SELECT_GOVERNMENT, [rows[0].government_id]),
    pool.query(SELECT_CRITERIA, [id]),
    pool.query(SELECT_LETTER, [id]),
    pool.query(SELECT_MESSAGES, [id]),
  ]);
  return { ...rows[0], government: government.rows[0], criteria: criteria.rows, letter: letter.rows[0] ?? null, messages: messages.rows };
});
app.get('/health', async () => ({ status: 'up' }));

await app.listen({ port: Number(port), host: '127.0.0.1' });
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => pool.end())
    .finally(() => process.exit(0));
});

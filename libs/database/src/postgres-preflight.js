import pg from 'pg';
import { StartupError } from "../../common/src/index.js";
import { PgErrorCode, pgErrorCode } from './pg-errors.js';
function describe(url) {
    const parsed = new URL(url);
    return { address: `${parsed.hostname}:${parsed.port || 5432}`, database: decodeURIComponent(parsed.pathname.slice(1)) };
}
async function connect(url) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    client.on('error', () => undefined);
    await client.connect();
    return client;
}
export async function assertPostgresReachable(url) {
    const { address, database } = describe(url);
    try {
        const client = await connect(url);
        await client.end();
    }
    catch (error) {
        const reason = pgErrorCode(error) === PgErrorCode.InvalidCatalogName ? `database "${database}" does not exist` : error.message || String(error);
        throw new StartupError(`Cannot reach PostgreSQL at ${address} (${reason}). Start it with \`docker compose up -d\` or set DATABASE_URL.`);
    }
}
export async function ensureDatabaseExists(url) {
    const { database } = describe(url);
    const maintenance = new URL(url);
    maintenance.pathname = '/postgres';
    let client;
    try {
        client = await connect(maintenance.toString());
    }
    catch {
        return;
    }
    try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
        if (found.rowCount === 0) {
            await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`).catch((error) => {
                if (pgErrorCode(error) !== '42P04')
                    throw error;
            });
        }
    }
    finally {
        await client.end();
    }
}
//# sourceMappingURL=postgres-preflight.js.map
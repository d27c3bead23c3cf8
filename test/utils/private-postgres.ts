import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

const run = promisify(execFile);

/** The newest PostgreSQL server binaries on the machine (Debian layout), or PG_BIN when set. */
async function binDir(): Promise<string> {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? (await readdir(root)).filter((name) => existsSync(join(root, name, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0)
    throw new Error(`No PostgreSQL server binaries under ${root}; set PG_BIN to the directory of initdb and pg_ctl`);
  return join(root, versions[0], 'bin');
}

const isRoot = () => process.getuid?.() === 0;

/**
 * A throw-away PostgreSQL cluster of the test's own: initdb in a temporary directory, on a free port of
 * 127.0.0.1, trust authentication, user `postgres`. `crash()` stops it the way a crash would (pg_ctl
 * stop -m immediate: no checkpoint, every connection dropped) and `start()` brings it back through
 * crash recovery, on the same port and data. `destroy()` stops it and deletes the directory.
 *
 * initdb and postgres refuse to run as root: as root (CI) they run as the `postgres` system user, which
 * then owns the directory.
 */
export class PrivatePostgres {
  port = 0;
  private dir = '';
  private bin = '';
  private running = false;

  /** A URL for a database of this cluster (created by the API itself in development and test mode). */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Creates the cluster and starts it. */
  async init(): Promise<this> {
    this.bin = await binDir();
    this.port = await freePort();
    this.dir = await mkdtemp(join(tmpdir(), 'near-pg-'));
    if (isRoot()) {
      const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]).catch(() => {
        throw new Error('Running as root, PostgreSQL needs the `postgres` system user, and there is none');
      });
      await chown(this.dir, Number(uid.stdout.trim()), Number(gid.stdout.trim()));
    }
    await this.pg('initdb', ['-D', this.data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await this.start();
    return this;
  }

  /** Starts the server and waits until it accepts connections (after crash recovery, when it crashed). */
  async start(): Promise<void> {
    if (this.running) return;
    const options = [
      `-p ${this.port}`,
      `-c listen_addresses=127.0.0.1`,
      `-c unix_socket_directories=${this.dir}`,
      // Only the machine going down loses what the kernel holds; a crash of the server (what we simulate) does not.
      `-c fsync=off`,
      `-c max_connections=100`,
    ].join(' ');
    try {
      await this.pg('pg_ctl', ['-D', this.data, '-l', this.logFile, '-o', options, '-w', '-t', '30', 'start']);
    } catch (error) {
      throw new Error(`PostgreSQL did not start on port ${this.port}: ${(error as Error).message}\n${await this.log()}`, { cause: error });
    }
    this.running = true;
  }

  /** Stops the server as a crash would: no checkpoint, no goodbye to the clients. */
  async crash(): Promise<void> {
    await this.stop('immediate');
  }

  async stop(mode: 'immediate' | 'fast' = 'fast'): Promise<void> {
    if (!this.running) return;
    await this.pg('pg_ctl', ['-D', this.data, '-m', mode, '-w', '-t', '30', 'stop']);
    this.running = false;
  }

  /** Stops the server (if it runs) and deletes the cluster. */
  async destroy(): Promise<void> {
    if (!this.dir) return;
    await this.stop('immediate').catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
    this.dir = '';
  }

  /** The server's log so far (for failure messages). */
  async log(): Promise<string> {
    return readFile(this.logFile, 'utf8').catch(() => '');
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  private get logFile(): string {
    return join(this.dir, 'server.log');
  }

  private async pg(program: string, args: string[]): Promise<void> {
    const path = join(this.bin, program);
    const [command, commandArgs] = isRoot() ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
    await run(command, commandArgs, { cwd: this.dir, env: { ...process.env, LC_ALL: 'C' } });
  }
}

import type { DeepPartial, EntityManager } from 'typeorm';
import { queryPrepared } from '@near/database';
import { User } from './user.entity.js';
import type { Role } from './role.js';
import { RECIPIENTS_OF_GOVERNMENTS_STATEMENT, RECIPIENTS_STATEMENT } from './recipients-sql.js';

// The SQL of the users table. (The caller behind a token, read on every request, is one prepared statement
// of its own: active-caller-sql.ts; so are those who receive e-mail: recipients-sql.ts.)

/** `roles`: only users of these roles (what the viewer may see). */
export function list(db: EntityManager, filter: { role?: Role; governmentId?: string; roles?: readonly Role[] }): Promise<User[]> {
  const query = db.getRepository(User).createQueryBuilder('u').orderBy('u.email');
  if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
  if (filter.roles) query.andWhere('u.role IN (:...roles)', { roles: filter.roles });
  if (filter.governmentId) query.andWhere('u.governmentId = :governmentId', { governmentId: filter.governmentId });
  return query.getMany();
}

export function emailTaken(db: EntityManager, email: string): Promise<boolean> {
  return db.getRepository(User).existsBy({ email });
}

export function insert(db: EntityManager, user: DeepPartial<User>): Promise<User> {
  const repository = db.getRepository(User);
  return repository.save(repository.create(user));
}

/** The user with this e-mail, with the password hash every other read leaves out. */
export function findWithPasswordHash(db: EntityManager, email: string): Promise<User | null> {
  return db.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email', { email }).getOne();
}

export async function hasActiveAdmin(db: EntityManager): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM users WHERE role = 'admin' AND disabled_at IS NULL LIMIT 1`);
  return rows.length > 0;
}

/**
 * The first admin, unless an active admin exists: the statement itself re-checks, and the e-mail is unique,
 * so of several processes starting at once one inserts. Answers its id, or nothing.
 */
export async function insertFirstAdmin(db: EntityManager, email: string, passwordHash: string): Promise<string | undefined> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO users (email, password_hash, display_name, role, locale)
     SELECT $1, $2, 'Administrator', 'admin', 'en'
     WHERE NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND disabled_at IS NULL)
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [email, passwordHash],
  );
  return rows[0]?.id;
}

/** A user an e-mail goes to, with the government it speaks for (null for the Secretariat and administrators). */
export interface DirectoryRecipient {
  address: string;
  name: string;
  userId: string;
  locale: string;
  governmentId: string | null;
}

/** Who an e-mail goes to: the active users of a role, of the given governments only when named. */
export function activeRecipients(
  db: EntityManager,
  filter: { role: Role; governmentIds?: readonly string[] },
): Promise<DirectoryRecipient[]> {
  return filter.governmentIds !== undefined
    ? queryPrepared(db, RECIPIENTS_OF_GOVERNMENTS_STATEMENT, [filter.role, filter.governmentIds])
    : queryPrepared(db, RECIPIENTS_STATEMENT, [filter.role]);
}

/** A user who may sign in (not disabled), by id. */
export function findActiveById(db: EntityManager, id: string): Promise<User | null> {
  return db.getRepository(User).createQueryBuilder('u').where('u.id = :id AND u.disabled_at IS NULL', { id }).getOne();
}

/** The display names of these users (disabled ones too: the record names who acted), by id. */
export async function displayNames(db: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; name: string }[] = await db.query(`SELECT id, display_name AS name FROM users WHERE id = ANY($1::uuid[])`, [
    ids,
  ]);
  return new Map(rows.map((row) => [row.id, row.name]));
}

export function findById(db: EntityManager, id: string): Promise<User | null> {
  return db.getRepository(User).findOneBy({ id });
}

/** The user with this id, with its password hash. */
export function findWithPasswordHashById(db: EntityManager, id: string): Promise<User | null> {
  return db.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
}

/** The user, locked for the rest of the transaction, with its password hash. */
export function findForUpdate(db: EntityManager, id: string): Promise<User | null> {
  return db
    .getRepository(User)
    .createQueryBuilder('u')
    .addSelect('u.passwordHash')
    .where('u.id = :id', { id })
    .setLock('pessimistic_write')
    .getOne();
}

export async function setPasswordHash(db: EntityManager, id: string, passwordHash: string): Promise<void> {
  await db.query(`UPDATE users SET password_hash = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, passwordHash]);
}

/** A stronger hash of the same password, unless the password changed meanwhile. The version stays: nothing a user sees changed. */
export async function replacePasswordHash(db: EntityManager, id: string, previous: string, next: string): Promise<void> {
  await db.query(`UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2`, [id, previous, next]);
}

export interface UserFields {
  displayName: string;
  role: Role;
  governmentId: string | null;
  locale: string;
  disabledAt: Date | null;
}

/** Writes the fields if the row is still at `version`; answers whether it was. */
export async function update(db: EntityManager, id: string, version: number, fields: UserFields): Promise<boolean> {
  const [, affected] = (await db.query(
    `UPDATE users SET display_name = $3, role = $4, government_id = $5, locale = $6, disabled_at = $7,
            version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2`,
    [id, version, fields.displayName, fields.role, fields.governmentId, fields.locale, fields.disabledAt],
  )) as [unknown, number];
  return affected === 1;
}

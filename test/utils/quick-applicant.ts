import { randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { SignInSessions } from '@near/identity';
import type { TestUser } from '../fixtures/users.js';
import type { TestApp } from './create-test-app.js';

/**
 * An applicant officer of a new prospective government, as `aProspectiveApplicant` makes one, but with a
 * sign-in session started directly and a token the API's own JwtService signs for it, instead of a sign-in: scrypt makes each sign-in cost ~300 ms, too
 * much for a property test that needs a government of its own on every run. It cannot sign in.
 */
export async function aQuickApplicant(api: TestApp): Promise<TestUser & { governmentId: string }> {
  const suffix = randomBytes(4).toString('hex');
  const [government] = await api.dataSource.query(
    `INSERT INTO governments (name_en, name_local, country, level, kind, status)
     VALUES ($1, '测试省', 'CN', 'regional', 'Province', 'prospective') RETURNING id`,
    [`Province ${suffix}`],
  );
  const email = `applicant.${suffix}@test.example`;
  const [user] = await api.dataSource.query(
    `INSERT INTO users (email, password_hash, display_name, role, government_id, locale)
     VALUES ($1, 'no-sign-in', 'Test applicant', 'applicant', $2, 'en') RETURNING id`,
    [email, government.id],
  );
  const { sessionId } = await api.dataSource.transaction((manager) =>
    api.app.get(SignInSessions).start(manager, user.id, { clientAddress: '127.0.0.1' }),
  );
  const token = await api.app.get(JwtService).signAsync({ sub: user.id, role: 'applicant', sid: sessionId, typ: 'access' });
  return { id: user.id, email, role: 'applicant', governmentId: government.id, displayName: 'Test applicant', token };
}

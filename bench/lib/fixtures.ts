import type pg from 'pg';
import type { Http } from './http.js';
import { type Actor, BENCH_PASSWORD, everyMemberPaidUp, insertUser } from './seed.js';

export interface SignedIn {
  id: string;
  email: string;
  governmentId: string | null;
  token: string;
  /** The sign-in session of the token (what the per-request caller check reads). */
  sessionId: string;
  actor: Actor;
}

export async function signIn(api: Http, user: { id: string; email: string; role: string; governmentId: string | null }): Promise<SignedIn> {
  const body = await api.expect<{ accessToken: string }>(200, 'POST', '/auth/login', {
    body: { email: user.email, password: BENCH_PASSWORD },
  });
  const { sid } = JSON.parse(Buffer.from(body.accessToken.split('.')[1], 'base64url').toString()) as { sid: string };
  return {
    ...user,
    token: body.accessToken,
    sessionId: sid,
    actor: { userId: user.id, role: user.role, governmentId: user.governmentId },
  };
}

export interface People {
  secretariat: SignedIn;
  /** Files the seeded applications and the vote storm's one. */
  applicant: SignedIn;
  /** A delegate for each of the first members (all 70 in the full run), signed in. */
  delegates: SignedIn[];
}

/** The users the workloads act as, inserted with SQL and signed in through POST /auth/login. */
export async function people(api: Http, pool: pg.Pool, delegateCount: number): Promise<People> {
  await everyMemberPaidUp(pool);
  const secretariat = { email: 'secretariat@bench.example', role: 'secretariat' as const, governmentId: null };
  const secretariatId = await insertUser(pool, secretariat);
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO governments (name_en, name_local, country, level, kind, status)
     VALUES ('Bench Applicant Province', 'Bench Applicant Province', 'MN', 'regional', 'Province', 'prospective') RETURNING id`,
  );
  const applicant = { email: 'applicant@bench.example', role: 'applicant' as const, governmentId: rows[0].id };
  const applicantId = await insertUser(pool, applicant);
  const members = await pool.query<{ id: string }>(`SELECT id FROM governments WHERE status = 'member' ORDER BY country, name_en`);
  const delegates = await Promise.all(
    members.rows.slice(0, delegateCount).map(async (member, index) => {
      const delegate = { email: `delegate${index}@bench.example`, role: 'delegate' as const, governmentId: member.id };
      return { ...delegate, id: await insertUser(pool, delegate) };
    }),
  );
  // Sign-ins hash deliberately slowly (scrypt): two at a time, one per core.
  const signedIn: SignedIn[] = [];
  const queue = [{ ...secretariat, id: secretariatId }, { ...applicant, id: applicantId }, ...delegates];
  await Promise.all(
    [0, 1].map(async () => {
      for (let next = queue.shift(); next; next = queue.shift()) signedIn.push(await signIn(api, next));
    }),
  );
  const byEmail = (email: string) => signedIn.find((user) => user.email === email)!;
  return {
    secretariat: byEmail(secretariat.email),
    applicant: byEmail(applicant.email),
    delegates: delegates.map((delegate) => byEmail(delegate.email)),
  };
}

const ALL_CRITERIA_PASSED = {
  criteria: [
    'located_in_northeast_asia',
    'regional_government',
    'country_fits_category',
    'shares_purpose',
    'not_already_member',
    'letter_signed_by_head',
  ].map((code) => ({ code, passed: true, note: 'Checked against the letter.' })),
};

/**
 * An application with its ballot open at a General Assembly in session where every member is present,
 * reached through the API as the Secretariat would: file, review, declare eligible, place on the agenda,
 * open the session, record every member present, open the ballot.
 */
export async function applicationWithOpenBallot(api: Http, pool: pg.Pool, who: People): Promise<{ applicationId: string; voteId: string }> {
  const { secretariat, applicant } = who;
  const application = await api.expect<{ id: string }>(201, 'POST', '/applications', {
    token: applicant.token,
    body: {
      governmentId: applicant.governmentId,
      category: 'member',
      headOfGovernment: 'Governor of the Bench Province',
      statementOfPurpose: 'We share the purpose of NEAR: exchange and cooperation for the common prosperity of Northeast Asia.',
      contact: { name: 'Bench Contact', email: 'contact@bench.example', phone: '+976 11 000 000' },
      locale: 'en',
    },
  });
  const act = (action: string, body: object = {}) =>
    api.expect(200, 'POST', `/applications/${application.id}/actions/${action}`, { token: secretariat.token, body });
  await act('start-review');
  await api.expect(200, 'PUT', `/applications/${application.id}/eligibility`, { token: secretariat.token, body: ALL_CRITERIA_PASSED });
  await act('declare-eligible');
  const [host] = (await pool.query<{ id: string }>(`SELECT id FROM governments WHERE status = 'member' ORDER BY name_en LIMIT 1`)).rows;
  const session = await api.expect<{ id: string }>(201, 'POST', '/assemblies', {
    token: secretariat.token,
    body: {
      body: 'general_assembly',
      number: 900 + (process.pid % 90),
      hostGovernmentId: host.id,
      startsOn: '2027-09-15',
      endsOn: '2027-09-17',
      venue: 'Bench City',
    },
  });
  await api.expect(200, 'POST', `/assemblies/${session.id}/open`, { token: secretariat.token });
  await act('place-on-agenda', { assemblyId: session.id });
  await api.expect(200, 'PUT', `/assemblies/${session.id}/attendance`, {
    token: secretariat.token,
    body: {
      governmentIds: (await pool.query<{ id: string }>(`SELECT id FROM governments WHERE status = 'member'`)).rows.map((row) => row.id),
    },
  });
  await act('open-ballot');
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM votes WHERE application_id = $1 AND status = 'open'`, [application.id]);
  return { applicationId: application.id, voteId: rows[0].id };
}

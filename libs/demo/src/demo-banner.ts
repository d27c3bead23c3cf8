import { DEMO_LOGINS } from './demo-data.seeder.js';

/** What a developer needs to try the system, printed once the API listens. */
export function demoBanner(baseUrl: string, admin: { email: string; password: string; usesDevelopmentPassword: boolean }): string {
  return [
    '',
    `NEAR admission system is ready: ${baseUrl}`,
    `  Web app:             ${baseUrl}/app/`,
    `  API docs (OpenAPI):  ${baseUrl}/docs`,
    `  Health:              ${baseUrl}/health`,
    '  Demo logins (the web app, or POST /auth/login):',
    `    admin        ${admin.email} / ${admin.usesDevelopmentPassword ? admin.password : '(the ADMIN_PASSWORD you set)'}`,
    `    secretariat  ${DEMO_LOGINS.secretariat.email} / ${DEMO_LOGINS.secretariat.password}`,
    `    applicant    ${DEMO_LOGINS.applicant.email} / ${DEMO_LOGINS.applicant.password}  (Liaoning, an observer)`,
    `    delegate     delegate.<government>@near.example / ${DEMO_LOGINS.delegatePassword}  (e.g. delegate.toyama@near.example)`,
    '',
  ].join('\n');
}

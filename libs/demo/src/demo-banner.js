import { DEMO_LOGINS } from './demo-data.seeder.js';
export function demoBanner(baseUrl, admin) {
    return [
        '',
        `NEAR admission system is ready: ${baseUrl}`,
        `  API docs (OpenAPI):  ${baseUrl}/docs`,
        `  Health:              ${baseUrl}/health`,
        '  Demo logins (POST /auth/login):',
        `    admin        ${admin.email} / ${admin.usesDevelopmentPassword ? admin.password : '(the ADMIN_PASSWORD you set)'}`,
        `    secretariat  ${DEMO_LOGINS.secretariat.email} / ${DEMO_LOGINS.secretariat.password}`,
        `    applicant    ${DEMO_LOGINS.applicant.email} / ${DEMO_LOGINS.applicant.password}  (Liaoning, an observer)`,
        `    delegate     delegate.<government>@near.example / ${DEMO_LOGINS.delegatePassword}  (e.g. delegate.toyama@near.example)`,
        '',
    ].join('\n');
}
//# sourceMappingURL=demo-banner.js.map
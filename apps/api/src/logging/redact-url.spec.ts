import { describe, expect, it } from '@jest/globals';
import { redactUrl } from './redact-url.js';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';

describe('redactUrl', () => {
  it.each([
    ['/governments?status=member&country=KR', '/governments?status=member&country=KR'],
    ['/users?access_token=abc&role=admin', '/users?access_token=[redacted]&role=admin'],
    ['/users?password=hunter2', '/users?password=[redacted]'],
    ['/users?Pass%77ord=hunter2', '/users?Pass%77ord=[redacted]'],
    ['/users?api_key=1&apiKey=2&secret=3&auth=4', '/users?api_key=[redacted]&apiKey=[redacted]&secret=[redacted]&auth=[redacted]'],
    [`/users?q=${JWT}`, '/users?q=[redacted]'],
    [`/users?q=Bearer%20${JWT}`, '/users?q=[redacted]'],
    [`/${JWT}/x`, '/[redacted]/x'],
    [`/users?${JWT}`, '/users?[redacted]'],
    ['/users?flag&empty=', '/users?flag&empty='],
    ['/users?x=%E0%A4%A', '/users?x=%E0%A4%A'],
    ['/calendar/feed/AbC_-123', '/calendar/feed/[redacted]'],
    ['/calendar/feed/AbC_-123?x=1', '/calendar/feed/[redacted]?x=1'],
    ['/calendar.ics', '/calendar.ics'],
    ['/app/invitation/0f8fad5b-d9cb-469f-a165-70867728950e.c2VjcmV0', '/app/invitation/[redacted]'],
    ['/app/password-reset/0f8fad5b-d9cb-469f-a165-70867728950e.c2VjcmV0?x=1', '/app/password-reset/[redacted]?x=1'],
    ['/app/unlock/0f8fad5b-d9cb-469f-a165-70867728950e.c2VjcmV0', '/app/unlock/[redacted]'],
    ['/app/forgot-password', '/app/forgot-password'],
  ])('%s is logged as %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});

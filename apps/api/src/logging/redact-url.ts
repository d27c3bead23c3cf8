/** Query parameters whose values are secrets by their name. */
const SECRET_PARAMETER = /pass|token|secret|auth|jwt|key|signature|session|credential/i;
/** A JWT, whatever the parameter is called: three base64url parts, the first a JSON object ("eyJ"). */
const JWT = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;

/** The web app's pages of e-mailed links, whose last segment is a single-use token. */
const LINK_PAGE = /^(\/app\/(?:invitation|password-reset|unlock)\/)[^/?#]+/;

const REDACTED = '[redacted]';
/** The secret calendar feed address holds its token in the path. */
const CALENDAR_FEED = /^(\/calendar\/feed\/)[^/?]*/;

/**
 * The URL as logged: values of query parameters named like secrets, anything shaped like a JWT, and the token
 * of an invitation or reset link's page are replaced. Nothing reads a token from the query string, but a client may put one there all the same.
 */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  const path = (queryStart < 0 ? url : url.slice(0, queryStart))
    .replace(JWT, REDACTED)
    .replace(LINK_PAGE, `$1${REDACTED}`)
    .replace(CALENDAR_FEED, `$1${REDACTED}`);
  if (queryStart < 0) return path;
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const separator = pair.indexOf('=');
      const name = separator < 0 ? pair : pair.slice(0, separator);
      const value = separator < 0 ? '' : pair.slice(separator + 1);
      if (SECRET_PARAMETER.test(decoded(name)) || new RegExp(JWT.source).test(decoded(value))) return `${name}=${REDACTED}`;
      return new RegExp(JWT.source).test(decoded(name)) ? REDACTED : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

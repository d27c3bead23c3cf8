import { ApiProblem } from './problem.js';
import { inUse, renewSignIn } from './session-keeper.js';
import { currentSignIn, forgetSignIn } from './sign-in-store.js';

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

let onSignedOut: () => void = () => undefined;
/** Called when the session is over (ended, or idle past its timeout): the app goes back to sign-in. */
export const whenSignedOut = (handler: () => void) => (onSignedOut = handler);

export function authorization(): Record<string, string> {
  const signIn = currentSignIn();
  return signIn ? { Authorization: `Bearer ${signIn.token}` } : {};
}

/** Calls the API; resolves with the JSON body, rejects with an ApiProblem. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, 'application/json', options);
  // 204, or 202 with nothing to say (a reset asked for): no body to parse.
  const text = response.status === 204 ? '' : await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Calls the API for a text answer (a CSV export); rejects with an ApiProblem. */
export async function apiText(path: string): Promise<string> {
  return (await send(path, 'text/csv, text/plain', {})).text();
}

async function send(path: string, accept: string, options: RequestOptions, renewed = false): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept, ...authorization(), ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw ApiProblem.offline();
  }
  if (!response.ok) {
    const problem = await ApiProblem.fromResponse(response);
    if (problem.status === 401 && headers.Authorization) {
      // The access token expired (a laptop woke up, a clock is off): a tab in use renews it and tries once more.
      if (!renewed && inUse() && (await renewSignIn())) return send(path, accept, options, true);
      forgetSignIn();
      onSignedOut();
    }
    throw problem;
  }
  return response;
}

export const query = (parameters: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

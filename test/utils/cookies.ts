import type { Response } from 'supertest';

/** The cookies an answer sets, by name: the value and the attributes, as the browser would read them. */
export function setCookies(response: Response): Record<string, { value: string; attributes: string[] }> {
  const headers = (response.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  return Object.fromEntries(
    headers.map((header) => {
      const [pair, ...attributes] = header.split(';').map((part) => part.trim());
      const [name, ...value] = pair.split('=');
      return [name, { value: value.join('='), attributes: attributes.map((attribute) => attribute.toLowerCase()) }];
    }),
  );
}

/** The refresh cookie an answer sets, as a Cookie header value. */
export function refreshCookieOf(response: Response): string {
  const cookie = setCookies(response).near_refresh;
  if (!cookie?.value) throw new Error(`No refresh cookie set (status ${response.status})`);
  return `near_refresh=${cookie.value}`;
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '@near/config';
import type { SignedIn } from '@near/identity';

/** The refresh token: sent back only to /auth (refresh, logout), never readable by scripts, never cross-site. */
export const REFRESH_COOKIE = 'near_refresh';
/** The browser signed in to an account before: the sign-in throttle slows it only for its own failures. */
export const DEVICE_COOKIE = 'near_device';
const PATH = '/auth';
const DEVICE_COOKIE_SECONDS = 365 * 86400;

const options = (config: AppConfig, maxAge: number) =>
  ({ path: PATH, httpOnly: true, sameSite: 'strict', secure: config.isProduction, maxAge }) as const;

export function setSessionCookies(reply: FastifyReply, config: AppConfig, signedIn: SignedIn): void {
  void reply.setCookie(REFRESH_COOKIE, signedIn.refreshToken, options(config, config.auth.sessionAbsoluteLifetimeSeconds));
  if (signedIn.deviceToken) void reply.setCookie(DEVICE_COOKIE, signedIn.deviceToken, options(config, DEVICE_COOKIE_SECONDS));
}

export function clearRefreshCookie(reply: FastifyReply, config: AppConfig): void {
  void reply.clearCookie(REFRESH_COOKIE, options(config, 0));
}

export const cookieOf = (request: FastifyRequest, name: string): string | undefined => request.cookies?.[name] || undefined;

/**
 * Who is asking. Every /v1 request carries `Authorization: Bearer <token>`; the token's subject
 * (`sub`) is the user whose records the request reads and writes, and nothing else is.
 *
 * THIS IS WHERE A SITE PLUGS IN ITS OWN AUTH. Pass `verify` to `createApp` / `startServer`: a
 * function from the bearer token to `{ sub }` (or `null` to refuse it). Check your session
 * cookie's token, your identity provider's JWT (with its JWKS), an API gateway's header: anything
 * that yields a stable user id.
 *
 * Without one, the server uses its own tokens: `{ sub, exp }` signed with HMAC-SHA256 under a
 * secret (`LOADWISE_TOKEN_SECRET`), written in the standard JWT form (HS256), so a site's
 * backend that knows the secret can issue them with any JWT library.
 */
import { sign, verify } from 'hono/jwt';
import type { Context, MiddlewareHandler } from 'hono';
import { idFault } from '../src/base/storable.js';
import { unauthorized } from './problems.js';

export interface Principal {
  /** The user: a stable, opaque id (at most 200 characters). */
  sub: string;
}

/** Returns who the token stands for, or `null` when it is not valid (bad, expired, revoked). */
export type VerifyToken = (token: string) => Promise<Principal | null> | Principal | null;

/** Tokens issued by the demo sign-in live a day. */
export const DEFAULT_TOKEN_TTL_SECONDS = 24 * 60 * 60;
const MIN_SECRET_LENGTH = 32;

export interface HmacTokens {
  /** A token for `sub`, valid for `ttlSeconds` (negative: already expired, for tests). */
  sign(sub: string, ttlSeconds?: number): Promise<string>;
  verify: VerifyToken;
}

/** The built-in token scheme: HS256 JWTs `{ sub, exp }` under `secret`. */
export function hmacTokens(secret: string): HmacTokens {
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`The token secret must be at least ${MIN_SECRET_LENGTH} characters long.`);
  return {
    sign: (sub, ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS) => sign({ sub, exp: Math.floor(Date.now() / 1000) + ttlSeconds }, secret, 'HS256'),
    async verify(token) {
      try {
        // Checks the signature and `exp`; only HS256 is accepted, whatever the token's header says.
        const payload = await verify(token, secret, 'HS256');
        // A token that never expires is not one this scheme issues.
        return isSubject(payload.sub) && typeof payload.exp === 'number' ? { sub: payload.sub } : null;
      } catch {
        return null;
      }
    },
  };
}

/**
 * A subject the server can key data by: 1 to 200 characters, none of them a control character,
 * NUL or a lone surrogate (PostgreSQL's text cannot hold them, and subjects end up in logs). A
 * token whose subject is not one is refused as not valid, whoever signed it.
 */
export const isSubject = (sub: unknown): sub is string => typeof sub === 'string' && idFault(sub) === undefined;

export interface AuthVariables {
  /** The user the request is for: the verified token's subject. */
  user: string;
}

/** Lets through only requests with a valid bearer token, and names their user. */
export function bearerAuth(verifyToken: VerifyToken): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const token = bearerToken(c);
    if (token === undefined) throw unauthorized('Send Authorization: Bearer <token>.', false);
    const principal = await verifyToken(token);
    if (!principal || !isSubject(principal.sub)) throw unauthorized('The token is not valid, or has expired.', true);
    c.set('user', principal.sub);
    await next();
  };
}

function bearerToken(c: Context): string | undefined {
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(c.req.header('Authorization') ?? '');
  return match?.[1];
}

// What a local token is bound to besides its signature: the user's password hash and token
// version at sign-in. Changing the password, signing out (POST /api/auth/logout) or disabling the
// account changes one of them, so every token signed before stops working at the next request
// (docs/security.md). The stamp travels in the token's `pwd` claim (tokens.ts).
import { createHash } from 'node:crypto';

export interface SessionSubject {
  readonly password_hash: string | null;
  readonly token_version: number;
}

/**
 * A short digest of the password hash and token version.
 * @example sessionStamp({ password_hash: 'scrypt$…', token_version: 3 }) // "h3Q…" (16 characters)
 */
export function sessionStamp(user: SessionSubject): string {
  return createHash('sha256').update(`${user.password_hash ?? ''}\u0000${user.token_version}`).digest('base64url').slice(0, 16);
}

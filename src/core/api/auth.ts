// Sign-in: local accounts (user name + password, a one-time password to change at first sign-in),
// who am I, and the Microsoft Entra settings the client's MSAL needs.
import { z } from 'zod';
import { endpoint } from './endpoint';
import { errors, InstantSchema } from './common';

export const RoleSchema = z.enum(['reporter', 'approver', 'consolidator', 'admin']);

/** A role held for one unit, or province-wide (unitId null). */
export const RoleGrantSchema = z.strictObject({ role: RoleSchema, unitId: z.string().nullable() });

/** The signed-in user as the client shows it. */
export const SessionUserSchema = z.strictObject({
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleGrantSchema),
  mustChangePassword: z.boolean(),
  via: z.enum(['local', 'entra']),
});

export const LoginBodySchema = z.strictObject({ username: z.string().min(1).max(128), password: z.string().min(1).max(1024) });
export const PasswordBodySchema = z.strictObject({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) });

/** A bearer token, when it expires, and whose it is. */
export const SessionSchema = z.strictObject({ token: z.string(), expiresAt: InstantSchema, user: SessionUserSchema });

export const ClientAuthConfigSchema = z.strictObject({
  entraClientId: z.string().nullable(),
  entraTenantId: z.string().nullable(),
  authority: z.string().nullable(),
  /** The scope whose access token the server accepts (its audience). */
  scope: z.string().nullable(),
});

export type Role = z.infer<typeof RoleSchema>;
export type SessionUser = z.infer<typeof SessionUserSchema>;
export type Session = z.infer<typeof SessionSchema>;
export type ClientAuthConfig = z.infer<typeof ClientAuthConfigSchema>;

export const authEndpoints = {
  login: endpoint({
    method: 'POST', path: '/api/auth/login', tag: 'auth', access: 'public',
    summary: 'Sign in with a user name and password; returns a bearer token',
    body: LoginBodySchema, responses: { 200: SessionSchema, ...errors(400, 401, 429) },
  }),
  changePassword: endpoint({
    method: 'POST', path: '/api/auth/password', tag: 'auth', access: 'signedIn',
    summary: 'Change the password (required after a one-time password); returns a new token',
    body: PasswordBodySchema, responses: { 200: SessionSchema, ...errors(400, 401, 429) },
  }),
  me: endpoint({
    method: 'GET', path: '/api/auth/me', tag: 'auth', access: 'signedIn',
    summary: 'The signed-in user and roles',
    responses: { 200: z.strictObject({ user: SessionUserSchema }), ...errors(401) },
  }),
  authConfig: endpoint({
    method: 'GET', path: '/api/auth/config', tag: 'auth', access: 'public',
    summary: 'Sign-in settings: the Entra app ids for MSAL, or nulls for local accounts only',
    responses: { 200: ClientAuthConfigSchema },
  }),
};

// Which field a refused sign-in or password change belongs to, from the server's error code, so the
// message is shown (and announced) at that field; anything else is a message for the whole form.
import { ApiError } from '../../client/api';

export type FieldErrors<F extends string> = Partial<Record<F | 'form', string>>;

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** codes: server error code → field. */
export function fieldErrorsOf<F extends string>(e: unknown, codes: Readonly<Record<string, F>>): FieldErrors<F> {
  const code = e instanceof ApiError ? ((e.body as { code?: unknown } | null)?.code ?? e.code) : null;
  const field = typeof code === 'string' && Object.hasOwn(codes, code) ? codes[code] : undefined;
  return (field ? { [field]: messageOf(e) } : { form: messageOf(e) }) as FieldErrors<F>;
}

/** The first message, for the live region. */
export const firstError = <F extends string>(errors: FieldErrors<F>): string | undefined => Object.values(errors).find((m): m is string => typeof m === 'string');

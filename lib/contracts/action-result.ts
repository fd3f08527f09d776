import type { z } from 'zod';

/**
 * The result every server action returns. Actions are public endpoints: parse the
 * input first, then do the work, and report failures as data with a code, never a throw.
 */

export type FieldError = { path: string; message: string };

type ActionError<C extends string = string> = { code: C; message: string; fieldErrors?: FieldError[] };

export type ActionSuccess<T> = { ok: true; data: T };
export type ActionFailure<C extends string = string> = { ok: false; error: ActionError<C> };
export type ActionResult<T, C extends string = string> = ActionSuccess<T> | ActionFailure<C>;

export function ok<T>(data: T): ActionSuccess<T> {
  return { ok: true, data };
}

export function fail<C extends string>(code: C, message: string, fieldErrors?: FieldError[]): ActionFailure<C> {
  return { ok: false, error: fieldErrors && fieldErrors.length > 0 ? { code, message, fieldErrors } : { code, message } };
}

/** Zod issues as `{ path: 'persona.role', message }[]`, in order; the root is "(root)". */
export function fieldErrorsFromZod(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldError[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

const INVALID_INPUT_MESSAGE = 'Some fields are not valid. Fix them and try again.';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): ActionResult<z.output<S>, 'invalid_input'> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail('invalid_input', INVALID_INPUT_MESSAGE, fieldErrorsFromZod(parsed.error));
}

/**
 * Parse with the schema, run the handler, and turn anything unexpected into an
 * `internal` failure (logged on the server, never leaked to the client); a database that
 * does not answer in time is `database_unavailable`.
 */
export async function runAction<S extends z.ZodType, T, C extends string>(
  schema: S,
  input: unknown,
  handler: (data: z.output<S>) => Promise<ActionResult<T, C>>,
): Promise<ActionResult<T, C | 'invalid_input' | 'internal' | 'database_unavailable'>> {
  const parsed = parseInput(schema, input);
  if (!parsed.ok) return parsed;
  try {
    return await handler(parsed.data);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      console.error(`[action] ${error instanceof Error ? error.message : 'database unavailable'}`);
      return fail('database_unavailable', DATABASE_UNAVAILABLE_MESSAGE);
    }
    console.error('[action] unexpected error', error);
    return fail('internal', 'Something went wrong on the server. Try again.');
  }
}

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is not answering. Nothing on this page is lost; try again in a moment.';

/** lib/server/db/timeouts' DatabaseUnavailableError, by name (contracts import nothing of ours), possibly wrapped by Drizzle. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    if ((e as { name?: string }).name === 'DatabaseUnavailableError') return true;
  }
  return false;
}

/** Who may call an action: `unauthenticated` (nobody signed in) and `forbidden` (not theirs, or not their role). */
export type AuthErrorCode = 'unauthenticated' | 'forbidden';

export const AUTH_ERROR_MESSAGES: Record<AuthErrorCode, string> = {
  unauthenticated: 'You are signed out. Sign in and try again.',
  forbidden: 'This is not yours: it belongs to another account, or your role does not allow it.',
};

export function unauthenticated(): ActionFailure<'unauthenticated'> {
  return fail('unauthenticated', AUTH_ERROR_MESSAGES.unauthenticated);
}

export function forbidden(message: string = AUTH_ERROR_MESSAGES.forbidden): ActionFailure<'forbidden'> {
  return fail('forbidden', message);
}

/**
 * The check every guarded action goes through: `actor` says who is asking (before the input
 * is even parsed, so a signed-out caller learns nothing about the input's shape); `allow`
 * says whether they may do this with this input (their role, and whether the object is theirs).
 */
export type ActionGuard<D, A> = {
  actor(): Promise<ActionResult<A, 'unauthenticated'>>;
  allow(data: D, actor: A): Promise<ActionFailure<'forbidden'> | null>;
};

/** runAction behind a guard: who is asking, then the input, then whether they may, then the handler with the actor. */
export async function runGuardedAction<S extends z.ZodType, A, T, C extends string>(
  guard: ActionGuard<z.output<S>, A>,
  schema: S,
  input: unknown,
  handler: (data: z.output<S>, actor: A) => Promise<ActionResult<T, C>>,
): Promise<ActionResult<T, C | AuthErrorCode | 'invalid_input' | 'internal' | 'database_unavailable'>> {
  let who: ActionResult<A, 'unauthenticated'>;
  try {
    who = await guard.actor();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return fail('database_unavailable', DATABASE_UNAVAILABLE_MESSAGE);
    console.error('[action] could not tell who is asking', error);
    return fail('internal', 'Something went wrong on the server. Try again.');
  }
  if (!who.ok) return who;
  const actor = who.data;
  return runAction(schema, input, async (data): Promise<ActionResult<T, C | 'forbidden'>> => (await guard.allow(data, actor)) ?? handler(data, actor));
}

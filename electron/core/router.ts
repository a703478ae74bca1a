// Validates every call against the contract and runs its handler. Fail closed:
// whatever arrives (wrong name, wrong shape, a handler that throws), the caller
// gets an ApiResult, never an exception, and the process keeps running.
import { z } from 'zod';
import { calls, type ApiError, type ApiResult, type CallName, type CallOutput, type CallParsedInput } from '../../shared/api';
import { AppError } from './errors';

export type Handlers = { [K in CallName]: (input: CallParsedInput<K>) => Promise<CallOutput<K>> | CallOutput<K> };

export interface RouterOptions {
  /** Removes secrets from any text that leaves main. */
  redact: (text: string) => string;
  log?: (message: string) => void;
}

export type Router = (name: unknown, payload: unknown) => Promise<ApiResult<unknown>>;

const MAX_ISSUES = 10;
/** A payload with 10,000 unknown keys must not produce a 200 KB error naming them all. */
const MAX_ISSUE_TEXT = 300;
const clip = (text: string) => (text.length > MAX_ISSUE_TEXT ? `${text.slice(0, MAX_ISSUE_TEXT)}…` : text);

export function createRouter(handlers: Handlers, options: RouterOptions): Router {
  const fail = (code: string, message: string, issues?: ApiError['issues']): ApiResult<never> => ({
    ok: false,
    error: { code, message: options.redact(message), ...(issues ? { issues } : {}) },
  });

  return async (name, payload) => {
    if (typeof name !== 'string' || !Object.hasOwn(calls, name)) {
      return fail('unknown_call', `Unknown API call: ${typeof name === 'string' ? name.slice(0, 80) : typeof name}`);
    }
    const key = name as CallName;
    const contract = calls[key];
    const parsed = contract.input.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, MAX_ISSUES).map((i) => ({
        path: clip(i.path.map(String).join('.')),
        message: clip(options.redact(i.message)),
      }));
      const first = issues[0];
      const where = first?.path ? ` (${first.path})` : '';
      return fail('invalid_input', `Invalid input for ${key}${where}: ${first?.message ?? 'malformed payload'}`, issues);
    }
    try {
      const handler = handlers[key] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      // Parsing the output strips fields the contract does not declare, so nothing
      // internal (like a key) can ride along by accident.
      const out = (contract.output as z.ZodType).safeParse(value);
      if (!out.success) {
        options.log?.(`router: ${key} produced an invalid result: ${options.redact(out.error.message)}`);
        return fail('internal', `Internal error in ${key}.`);
      }
      return { ok: true, value: out.data };
    } catch (err) {
      if (err instanceof AppError) return fail(err.code, err.message);
      options.log?.(`router: ${key} failed: ${options.redact(err instanceof Error ? (err.stack ?? err.message) : String(err))}`);
      return fail('internal', `Something went wrong in ${key}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}

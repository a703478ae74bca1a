import type { ApiError, CallInput, CallName, CallOutput } from '../../../shared/api';
import { bridge } from './transport';

/** A failed call, carrying the backend's sentence for the user. */
export class ApiCallError extends Error {
  readonly code: string;
  readonly issues: NonNullable<ApiError['issues']>;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.issues = error.issues ?? [];
  }
}

export async function api<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await bridge.call(name, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

import type { ApiErrorInfo } from '../../shared/domain';

/** An error meant for the user: a stable code and a sentence they can act on. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extra: { status?: number | null; retryAfter?: number | null } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toInfo(): ApiErrorInfo {
    return { code: this.code, message: this.message, status: this.extra.status ?? null, retryAfter: this.extra.retryAfter ?? null };
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);

/** Every call across the renderer↔backend door returns one of these; nothing throws across it. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type ErrorCode =
  | 'invalid_argument'
  | 'unknown_call'
  | 'no_project'
  | 'not_found'
  | 'conflict'
  | 'unsupported'
  | 'io'
  | 'project_missing'
  | 'project_damaged'
  | 'cancelled'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

/** A failure the user can act on; its message is shown as is, so it names what failed and on what. */
export class PassageError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'PassageError';
    this.code = code;
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

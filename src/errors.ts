/**
 * Every expected failure is an AppError with a code from this union. The CLI maps codes to exit
 * codes and the server maps them to HTTP statuses; the core never knows about either.
 */
export const ERROR_CODES = {
  INVALID_INPUT: { exit: 2, http: 400 },
  NOT_FOUND: { exit: 3, http: 404 },
  INVALID_KNOWLEDGE: { exit: 4, http: 500 },
  STORE_ERROR: { exit: 5, http: 503 },
  UNSUPPORTED: { exit: 6, http: 415 },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** What the user can do about it, printed after the message. */
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; hint?: string } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.hint = options.hint;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

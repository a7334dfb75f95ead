import { z } from "zod";

/**
 * The one error shape. Use cases throw AppError; route handlers map every error to
 * `{"error": {"code", "message", "details"}}` with its status (lib/server/http/error-response.ts).
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: string, message: string, options: { status?: number; details?: unknown } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = options.status ?? 400;
    this.details = options.details;
  }
}

export const unauthenticated = () => new AppError("UNAUTHENTICATED", "Sign in to continue.", { status: 401 });
export const forbidden = (what = "do this") => new AppError("FORBIDDEN", `You may not ${what}.`, { status: 403 });
export const notFound = (what: string) =>
  new AppError(`${what.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_NOT_FOUND`, `${what} not found.`, { status: 404 });
export const conflict = (code: string, message: string, details?: unknown) => new AppError(code, message, { status: 409, details });

/** A zod failure as a 422 naming every bad field by its path. */
export function validationError(error: z.ZodError): AppError {
  const fields = error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join(".") : "(body)",
    message: issue.message,
  }));
  const first = fields[0];
  const message = first ? `Invalid ${first.path}: ${first.message}` : "Invalid input.";
  return new AppError("VALIDATION_FAILED", message, { status: 422, details: { fields } });
}

/** Parses `input` with `schema`, throwing the 422 AppError on failure. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

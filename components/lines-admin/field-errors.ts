import { ApiError } from "@/components/api-fetch";

/** Messages by field path ("speed", "shifts.2"), from a zod failure in the browser or the server's 422. */
export type FieldErrors = Record<string, string>;

export function zodFieldErrors(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "(body)";
    errors[path] ??= issue.message;
  }
  return errors;
}

export function apiFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const fields = (error.details as { fields?: Array<{ path: string; message: string }> } | undefined)?.fields ?? [];
  return Object.fromEntries(fields.map((field) => [field.path, field.message]));
}

/** Errors at `prefix` or below it, keyed by the rest of the path ("shifts.2" → "2"). */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
      .map(([path, message]) => [path.slice(prefix.length + 1), message]),
  );
}

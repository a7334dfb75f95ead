/**
 * A unique constraint refused a plain-SQL write (SQLSTATE 23505; pg and PGlite name the
 * constraint). `constraint` narrows it to one index.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!error || typeof error !== "object") return false;
  const candidate = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (candidate.code !== "23505") return false;
  return constraint === undefined || String(candidate.constraint ?? candidate.message ?? "").includes(constraint);
}

/** A URL's query as a plain object for zod (the last value wins for repeated keys; empty ones are dropped). */
export function searchParamsOf(request: Request): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (value !== "") params[key] = value;
  return params;
}

import { isStorableText } from "@/lib/core/json/storable-text";
import { unstorableTextError } from "./api-route";

/**
 * A URL's query as a plain object for zod (the last value wins for repeated keys; empty ones are
 * dropped). A NUL (%00) in a value is refused here: reaching a database filter it was a 500.
 */
export function searchParamsOf(request: Request): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    if (!isStorableText(value)) throw unstorableTextError(key);
    if (value !== "") params[key] = value;
  }
  return params;
}

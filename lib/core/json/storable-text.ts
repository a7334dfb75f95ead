/**
 * Text PostgreSQL can store. A NUL character is refused in every text value ("invalid byte
 * sequence"), and an unpaired UTF-16 surrogate — legal in a JavaScript string and in JSON's
 * \ud800 escapes — is refused in json/jsonb. Input carrying either must be turned away as
 * invalid at the edge; reaching the database it was a 500 (or, for a line event, a retry
 * that could never succeed).
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_TEXT_MESSAGE = "Text may not contain NUL characters or unpaired surrogates.";

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** The first string (a value or an object key) that cannot be stored, by its path; null if none. */
export function findUnstorableText(value: unknown, path: Array<string | number> = []): { path: string } | null {
  if (typeof value === "string") return isStorableText(value) ? null : { path: path.length ? path.join(".") : "(body)" };
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findUnstorableText(value[index], [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return { path: [...path, key].join(".") };
      const found = findUnstorableText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The client's address for audit and rate limits. Only the first X-Forwarded-For hop set by
 * our own server or proxy is trusted; the custom server overwrites the header with the socket
 * address when TRUST_PROXY is not set, so a client cannot spoof it (server.ts).
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const first = value?.split(",")[0]?.trim();
  return first ? first.slice(0, 64) : null;
}

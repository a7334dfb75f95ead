import type { RouteCall } from "../matrix/matrix-types";
import { MUTATING_METHODS, urlOf, type DiscoveredRoute } from "./discover-routes";

export type Answer = { status: number; code?: string; text: string; json: unknown };

/**
 * Calls a route handler as a browser on the Tailorline page would (same origin), with the
 * session cookie and client address given. `rawJson` sends text as the JSON body unparsed.
 */
export async function sendRoute(route: DiscoveredRoute, call: RouteCall & { rawJson?: string; rawQuery?: Array<[string, string]> }, cookie: string | undefined, address: string): Promise<Answer> {
  const headers: Record<string, string> = { "x-forwarded-for": address, host: "localhost:3000" };
  if (cookie) headers.cookie = cookie;
  if (MUTATING_METHODS.has(route.method)) headers.origin = "http://localhost:3000";
  let body: string | undefined;
  if (call.rawJson !== undefined) {
    body = call.rawJson;
    headers["content-type"] = "application/json";
  } else if (call.text !== undefined) {
    body = call.text;
    headers["content-type"] = route.route.startsWith("/api/auth/") ? "application/x-www-form-urlencoded" : "text/csv";
  } else if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    headers["content-type"] = "application/json";
  }
  const url = new URL(urlOf(route.route, call.params, call.query));
  for (const [key, value] of call.rawQuery ?? []) url.searchParams.append(key, value);
  const request = new Request(url, { method: route.method, headers, body });
  const response = await route.handler(request, { params: Promise.resolve(call.params ?? {}) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // CSV, SVG or a redirect: not JSON, and that is fine
  }
  const code = (json as { error?: { code?: string } } | null)?.error?.code;
  return { status: response.status, code, text, json };
}

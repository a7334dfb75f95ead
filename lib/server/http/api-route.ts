import { randomUUID } from "node:crypto";
import { z } from "zod";
import { findUnstorableText, isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/core/json/storable-text";
import { AppError, validationError } from "../errors";
import { logger } from "../logger";
import { isDatabaseUnavailable } from "./database-unavailable";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Wraps a route handler with the one error shape, a request id and CSRF protection. It does
 * nothing else: authentication, parsing and the use case stay visible in the handler.
 */
export function apiRoute<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    const requestId = requestIdOf(request.headers);
    try {
      assertSameOrigin(request.method, request.headers);
      const response = await handler(request, context);
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId, request);
    }
  };
}

/** The caller's request id (a proxy's, cut to 64 characters), or a new one. */
export function requestIdOf(headers: Headers): string {
  return headers.get("x-request-id")?.slice(0, 64) || randomUUID();
}

export function errorResponse(error: unknown, requestId: string, request?: Request): Response {
  const answer = errorAnswer(error, requestId, request);
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}

export type ErrorAnswer = { status: number; body: { error: { code: string; message: string; details?: unknown } }; headers: Record<string, string> };

/** An error in the one error shape: its status, body and headers (logged unless it is an AppError). */
export function errorAnswer(error: unknown, requestId: string, request?: { method?: string; url?: string }): ErrorAnswer {
  const appError = error instanceof z.ZodError ? validationError(error) : error instanceof AppError ? error : undefined;
  if (appError) {
    return {
      status: appError.status,
      body: { error: { code: appError.code, message: appError.message, ...(appError.details === undefined ? {} : { details: appError.details }) } },
      headers: { "x-request-id": requestId },
    };
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: error, requestId, method: request?.method, url: request?.url }, "database unavailable");
    return {
      status: 503,
      body: { error: { code: "DATABASE_UNAVAILABLE", message: "The database is unreachable for a moment; try again shortly." } },
      headers: { "x-request-id": requestId, "retry-after": "5" },
    };
  }
  logger.error({ err: error, requestId, method: request?.method, url: request?.url }, "unhandled error in route");
  return {
    status: 500,
    body: { error: { code: "INTERNAL", message: `Something went wrong on our side (request ${requestId}).` } },
    headers: { "x-request-id": requestId },
  };
}

/**
 * A browser sends Origin (or Sec-Fetch-Site) with every mutating fetch; a cross-site form or
 * script riding on the session cookie shows another origin. Requests without a session cookie
 * carry no ambient authority and pass.
 */
export function assertSameOrigin(method: string, headers: Headers): void {
  if (!MUTATING.has(method)) return;
  const cookie = headers.get("cookie") ?? "";
  if (!cookie.includes("authjs.session-token")) return;
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite === "same-origin") return;
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (origin && host) {
    try {
      if (new URL(origin).host === host) return;
    } catch {
      // fall through to the refusal
    }
  }
  throw new AppError("CSRF_REJECTED", "Cross-site request refused: send it from the Tailorline page.", { status: 403 });
}

/** Reads a JSON body with a size limit; a bad body is a 400 naming the problem, never a 500. */
export async function readJson(request: Request): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_JSON_BYTES) throw payloadTooLarge();
  const text = await request.text();
  if (text.length > MAX_JSON_BYTES) throw payloadTooLarge();
  return parseJsonBody(text);
}

export const MAX_JSON_BYTES = 1_000_000;

export const payloadTooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The body exceeds ${MAX_JSON_BYTES} bytes.`, { status: 413 });

/** A request body's JSON: 400 when it is empty or not JSON, 422 naming a field whose text cannot be stored. */
export function parseJsonBody(text: string): unknown {
  if (!text) throw new AppError("INVALID_JSON", "The request body is empty; send JSON.", { status: 400 });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_JSON", "The request body is not valid JSON.", { status: 400 });
  }
  // Checked for every route at once: such text in any field was a 500 from the database.
  const unstorable = findUnstorableText(body);
  if (unstorable) throw unstorableTextError(unstorable.path);
  return body;
}

export function unstorableTextError(path: string): AppError {
  return new AppError("VALIDATION_FAILED", `Invalid ${path}: ${UNSTORABLE_TEXT_MESSAGE}`, { status: 422, details: { fields: [{ path, message: UNSTORABLE_TEXT_MESSAGE }] } });
}

const MAX_TEXT_BYTES = 2_000_000;

/** Reads a text body (a CSV upload) with a size limit. */
export async function readText(request: Request): Promise<string> {
  const text = await request.text();
  if (text.length > MAX_TEXT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `The file exceeds ${MAX_TEXT_BYTES} bytes.`, { status: 413 });
  if (!text.trim()) throw new AppError("EMPTY_FILE", "The file is empty.", { status: 400 });
  if (!isStorableText(text)) {
    const line = text.split("\n").findIndex((row) => !isStorableText(row)) + 1;
    throw unstorableTextError(line > 0 ? `line ${line}` : "(file)");
  }
  return text;
}

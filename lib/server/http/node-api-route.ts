import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../errors";
import { assertSameOrigin, errorAnswer, MAX_JSON_BYTES, parseJsonBody, payloadTooLarge, requestIdOf } from "./api-route";

export type NodeApiRequest = {
  method: string;
  headers: Headers;
  /** The body as JSON, with apiRoute's limits and errors (413, 400, 422). */
  json(): Promise<unknown>;
};
export type NodeApiAnswer = { status: number; body: unknown };
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * An API route on Node's own request and response (a Pages Router API route, pages/api/…),
 * with apiRoute's error shape, request id, CSRF check and JSON limits. Only for the hottest
 * routes: the App Router wraps every request and answer of a route handler in web streams,
 * which cost about a millisecond of the main thread per request (docs/decisions/0013). The
 * route file must turn Next's body parser off (`config.api.bodyParser = false`): the body is
 * read here, with the same limits as everywhere else.
 */
export function nodeApiRoute(handlers: Partial<Record<Method, (request: NodeApiRequest) => Promise<NodeApiAnswer>>>) {
  const methods = Object.keys(handlers) as Method[];
  const allowed = methods.join(", ");
  const route = async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const headers = headersOf(incoming);
    const requestId = requestIdOf(headers);
    const method = incoming.method ?? "GET";
    let answer: { status: number; body: unknown; headers?: Record<string, string> };
    try {
      const handler = handlers[method as Method];
      if (!handler) throw new AppError("METHOD_NOT_ALLOWED", `${method} is not allowed here; use ${allowed}.`, { status: 405 });
      assertSameOrigin(method, headers);
      answer = await handler({ method, headers, json: () => readJsonBody(incoming) });
    } catch (error) {
      answer = errorAnswer(error, requestId, { method, url: incoming.url });
    }
    response.statusCode = answer.status;
    response.setHeader("content-type", "application/json");
    response.setHeader("x-request-id", requestId);
    if (answer.status === 405) response.setHeader("allow", allowed);
    for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
    response.end(JSON.stringify(answer.body));
  };
  // The methods it answers, for the security suite's inventory of routes (tests/security).
  return Object.assign(route, { methods });
}

export type NodeApiRoute = ReturnType<typeof nodeApiRoute>;

function headersOf(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

async function readJsonBody(incoming: IncomingMessage): Promise<unknown> {
  if (Number(incoming.headers["content-length"] ?? 0) > MAX_JSON_BYTES) throw payloadTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) throw payloadTooLarge();
    chunks.push(chunk);
  }
  return parseJsonBody(Buffer.concat(chunks).toString("utf8"));
}

import type { IncomingMessage, ServerResponse } from "node:http";

export type LoadSheddingOptions = {
  /** API requests handled at once; more wait in line. */
  maxInFlight: number;
  /** Requests allowed to wait; beyond that they are refused at once. */
  maxQueue: number;
  /** How long a request may wait for its turn before it is refused. */
  maxWaitMs: number;
};

function positive(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

/** From the environment: API_MAX_IN_FLIGHT, API_MAX_QUEUE, API_QUEUE_TIMEOUT_MS. */
export function loadSheddingOptions(env: Record<string, string | undefined> = process.env): LoadSheddingOptions {
  return {
    maxInFlight: positive(env.API_MAX_IN_FLIGHT, 48),
    maxQueue: positive(env.API_MAX_QUEUE, 128),
    maxWaitMs: positive(env.API_QUEUE_TIMEOUT_MS, 2_000),
  };
}

/**
 * Sheds API load past saturation: at most `maxInFlight` API requests run, `maxQueue` more wait
 * up to `maxWaitMs` for a slot, and the rest are answered 503 with Retry-After at once — a
 * client told "not now" in milliseconds instead of a request that times out after seconds
 * while holding a database connection everyone else is waiting for. The health check is never
 * shed (load balancers must see the process), nor are pages and sockets (they are not the hot
 * path of machines and scripts).
 */
export function createLoadShedder(options: LoadSheddingOptions) {
  let inFlight = 0;
  const waiting: Array<{ start: () => void; timer: NodeJS.Timeout }> = [];
  const stats = { shed: 0, queuedMax: 0 };

  const release = () => {
    inFlight--;
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.start();
    }
  };

  const run = (response: ServerResponse, work: () => void) => {
    inFlight++;
    let released = false;
    response.once("close", () => {
      if (released) return;
      released = true;
      release();
    });
    work();
  };

  return {
    stats,
    get inFlight() {
      return inFlight;
    },
    get queued() {
      return waiting.length;
    },
    /** Runs `work` for the request now, later, or answers 503 instead. */
    handle(request: IncomingMessage, response: ServerResponse, work: () => void): void {
      if (!isShedable(request.url)) return work();
      if (inFlight < options.maxInFlight) return run(response, work);
      if (waiting.length >= options.maxQueue) return refuse(response);
      const entry = {
        start: () => (response.destroyed ? passOn() : run(response, work)),
        timer: setTimeout(() => {
          const index = waiting.indexOf(entry);
          if (index >= 0) waiting.splice(index, 1);
          refuse(response);
        }, options.maxWaitMs),
      };
      // A client that gave up while waiting frees its place in line.
      response.once("close", () => {
        const index = waiting.indexOf(entry);
        if (index >= 0) {
          waiting.splice(index, 1);
          clearTimeout(entry.timer);
        }
      });
      waiting.push(entry);
      stats.queuedMax = Math.max(stats.queuedMax, waiting.length);
    },
  };

  /** A slot handed to a request whose client already left: pass it on. */
  function passOn() {
    inFlight++;
    release();
  }

  function refuse(response: ServerResponse) {
    stats.shed++;
    if (response.headersSent || response.destroyed) return;
    const body = JSON.stringify({ error: { code: "OVERLOADED", message: "The server is at capacity; retry in a moment." } });
    response.writeHead(503, { "content-type": "application/json", "retry-after": "1", "cache-control": "no-store", "content-length": Buffer.byteLength(body) });
    response.end(body);
  }
}

function isShedable(url: string | undefined): boolean {
  return !!url && url.startsWith("/api/") && !url.startsWith("/api/health");
}

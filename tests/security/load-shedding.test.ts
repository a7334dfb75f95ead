import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createLoadShedder, loadSheddingOptions } from "@/lib/server/http/load-shedding";

/**
 * The load shedder on a real HTTP server with a slow handler: past saturation, requests are
 * answered 503 with Retry-After in milliseconds — never left to time out — and no more than
 * the limit ever run at once.
 */
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function slowServer(options: { maxInFlight: number; maxQueue: number; maxWaitMs: number }, handlerMs: number) {
  const shedder = createLoadShedder(options);
  let running = 0;
  let peak = 0;
  server = createServer((request, response) =>
    shedder.handle(request, response, () => {
      running++;
      peak = Math.max(peak, running);
      setTimeout(() => {
        running--;
        response.end("ok");
      }, handlerMs);
    }),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  return { url, shedder, peak: () => peak };
}

async function timed(url: string) {
  const started = performance.now();
  const response = await fetch(url);
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.text(), ms: performance.now() - started };
}

describe("load shedding", () => {
  it("runs at most maxInFlight API requests, queues maxQueue, and refuses the rest at once with 503 + Retry-After", async () => {
    // Handlers slow enough that all twenty requests arrive before the first one is done.
    const { url, shedder, peak } = await slowServer({ maxInFlight: 4, maxQueue: 4, maxWaitMs: 5_000 }, 1_500);
    const answers = await Promise.all(Array.from({ length: 20 }, () => timed(`${url}/api/orders`)));
    const ok = answers.filter((answer) => answer.status === 200);
    const shed = answers.filter((answer) => answer.status === 503);
    expect(ok).toHaveLength(8);
    expect(shed).toHaveLength(12);
    expect(peak()).toBe(4);
    for (const answer of shed) {
      expect(answer.retryAfter).toBe("1");
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "OVERLOADED" } });
      expect(answer.ms).toBeLessThan(1_000); // refused at once, not after the queue wait
    }
    expect(shedder.stats.shed).toBe(12);
    expect(shedder.inFlight).toBe(0);
  });

  it("a request that waits longer than maxWaitMs is refused, not left hanging", async () => {
    const { url } = await slowServer({ maxInFlight: 1, maxQueue: 10, maxWaitMs: 100 }, 1_000);
    const [first, second] = await Promise.all([timed(`${url}/api/x`), timed(`${url}/api/x`)]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(503);
    expect(second.ms).toBeLessThan(600);
  });

  it("never sheds the health check, pages or sockets", async () => {
    const { url } = await slowServer({ maxInFlight: 1, maxQueue: 0.5, maxWaitMs: 50 }, 200);
    const answers = await Promise.all(["/api/health", "/api/health", "/catalogue", "/socket.io/?x", "/api/a"].map((path) => timed(`${url}${path}`)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it("a client that leaves frees its slot and its place in line", async () => {
    const { url, shedder } = await slowServer({ maxInFlight: 1, maxQueue: 5, maxWaitMs: 5_000 }, 400);
    const first = new AbortController();
    const waiting = new AbortController();
    const a = fetch(`${url}/api/a`, { signal: first.signal }).catch(() => "aborted");
    const b = fetch(`${url}/api/b`, { signal: waiting.signal }).catch(() => "aborted");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shedder.queued).toBe(1);
    waiting.abort();
    first.abort();
    await Promise.all([a, b]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shedder.queued).toBe(0);
    expect(shedder.inFlight).toBe(0);
    expect((await timed(`${url}/api/c`)).status).toBe(200);
  });

  it("reads its limits from the environment", () => {
    expect(loadSheddingOptions({ API_MAX_IN_FLIGHT: "8", API_MAX_QUEUE: "16", API_QUEUE_TIMEOUT_MS: "500" })).toEqual({ maxInFlight: 8, maxQueue: 16, maxWaitMs: 500 });
    expect(loadSheddingOptions({ API_MAX_IN_FLIGHT: "nonsense" }).maxInFlight).toBe(48);
  });
});

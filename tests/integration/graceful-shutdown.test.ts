import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createGracefulShutdown } from "@/lib/server/http/graceful-shutdown";

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("graceful shutdown", () => {
  it("finishes the request in flight, refuses new connections, then closes resources in order", async () => {
    const order: string[] = [];
    const httpServer = createServer((req, res) => {
      if (req.url === "/slow") setTimeout(() => res.end("finished"), 400);
      else res.end("fast");
    });
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    const port = (httpServer.address() as AddressInfo).port;
    const shutdown = createGracefulShutdown({
      httpServer,
      closeSockets: async () => void order.push("sockets"),
      closeResources: async () => void order.push("resources"),
      graceMs: 5_000,
    });

    const inFlight = get(port, "/slow");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = shutdown("test");
    await expect(get(port, "/fast")).rejects.toThrow(/ECONNREFUSED/);
    expect(await inFlight).toEqual({ status: 200, body: "finished" });
    await stopped;
    expect(order).toEqual(["sockets", "resources"]);
    expect(httpServer.listening).toBe(false);
  });

  it("cuts connections that outlast the grace period", async () => {
    const httpServer = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    const port = (httpServer.address() as AddressInfo).port;
    const hanging = get(port, "/hang").catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await createGracefulShutdown({ httpServer, closeSockets: async () => {}, closeResources: async () => {}, graceMs: 300 })("test");
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await hanging).toMatch(/socket hang up|ECONNRESET/);
  });
});

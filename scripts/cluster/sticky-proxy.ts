import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";

/**
 * A small load balancer for several app processes on one machine: HTTP and WebSocket upgrades,
 * round-robin, with sticky sessions — Socket.IO's polling transport sends each request of one
 * session separately, and they must reach the process that holds it. Sticky by a cookie
 * (browsers), or by the Engine.IO session id learnt from the handshake (clients without
 * cookies). A process that refuses connections is taken out of the rotation, probed every
 * second and taken back when it answers; its clients move to the others.
 *
 * Not a production load balancer (use nginx or HAProxy there — docs/decisions/0010): no TLS, no
 * timeouts tuning, bodies buffered up to 4 MB so a request refused by a dead process can be sent
 * to another one.
 */
export type Upstream = { host: string; port: number };

const COOKIE = "tl_upstream";
const MAX_BUFFERED_BODY = 4 * 1024 * 1024;
const SID_TTL_MS = 10 * 60_000;
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);

export async function startStickyProxy(options: { port: number; host?: string; upstreams: Upstream[]; onChange?: (message: string) => void }) {
  const upstreams = options.upstreams.map((upstream, index) => ({ ...upstream, index, up: true }));
  const sessions = new Map<string, { index: number; seenAt: number }>();
  let next = 0;
  const note = options.onChange ?? (() => {});

  const markDown = (index: number) => {
    const upstream = upstreams[index]!;
    if (upstream.up) note(`upstream ${index} (${upstream.host}:${upstream.port}) is down`);
    upstream.up = false;
  };
  const probe = setInterval(() => {
    for (const upstream of upstreams.filter((candidate) => !candidate.up)) {
      const socket = connect(upstream.port, upstream.host);
      socket.once("connect", () => {
        upstream.up = true;
        note(`upstream ${upstream.index} (${upstream.host}:${upstream.port}) is back`);
        socket.destroy();
      });
      socket.once("error", () => socket.destroy());
    }
    const now = Date.now();
    for (const [sid, session] of sessions) if (now - session.seenAt > SID_TTL_MS) sessions.delete(sid);
  }, 1_000);
  probe.unref();

  /** The sticky choice if it is up, else the next one round-robin; null when none is up. */
  const choose = (headers: IncomingHttpHeaders, url: string | undefined, exclude: Set<number>): number | null => {
    const sid = engineSessionId(url);
    const bySid = sid ? sessions.get(sid) : undefined;
    if (bySid && upstreams[bySid.index]!.up && !exclude.has(bySid.index)) {
      bySid.seenAt = Date.now();
      return bySid.index;
    }
    const byCookie = Number(cookieValue(headers.cookie, COOKIE));
    if (Number.isInteger(byCookie) && upstreams[byCookie]?.up && !exclude.has(byCookie)) return byCookie;
    for (let tried = 0; tried < upstreams.length; tried++) {
      const index = next++ % upstreams.length;
      if (upstreams[index]!.up && !exclude.has(index)) return index;
    }
    return null;
  };

  const forwardedHeaders = (incoming: IncomingMessage, upstream: Upstream) => {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    const previous = incoming.headers["x-forwarded-for"];
    headers["x-forwarded-for"] = [previous, incoming.socket.remoteAddress].filter(Boolean).join(", ");
    headers["x-forwarded-host"] = incoming.headers.host ?? "";
    headers["x-forwarded-proto"] = "http";
    headers.host = `${upstream.host}:${upstream.port}`;
    return headers;
  };

  const onRequest = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of incoming) {
      size += (chunk as Buffer).length;
      if (size > MAX_BUFFERED_BODY) {
        outgoing.writeHead(413).end("request body too large for the cluster proxy");
        return;
      }
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks);
    const tried = new Set<number>();
    const attempt = () => {
      const index = choose(incoming.headers, incoming.url, tried);
      if (index === null) {
        if (!outgoing.headersSent) outgoing.writeHead(503, { "content-type": "text/plain" }).end("no app process is up");
        return;
      }
      tried.add(index);
      const upstream = upstreams[index]!;
      const proxied = httpRequest({ host: upstream.host, port: upstream.port, method: incoming.method, path: incoming.url, headers: forwardedHeaders(incoming, upstream) }, (response) => {
        const headers = { ...response.headers };
        if (Number(cookieValue(incoming.headers.cookie, COOKIE)) !== index) {
          const cookies = headers["set-cookie"] ?? [];
          headers["set-cookie"] = [...cookies, `${COOKIE}=${index}; Path=/; HttpOnly; SameSite=Lax`];
        }
        const handshake = !engineSessionId(incoming.url) && incoming.url?.startsWith("/socket.io/");
        outgoing.writeHead(response.statusCode ?? 502, headers);
        response.on("data", (chunk: Buffer) => {
          // Clients without cookies stay sticky by the session id the handshake hands out.
          if (handshake) learnSessionId(chunk.toString("utf8"), index);
          outgoing.write(chunk);
        });
        response.on("end", () => outgoing.end());
        response.on("error", () => outgoing.destroy());
      });
      proxied.on("error", (error: NodeJS.ErrnoException) => {
        // Refused: the request never reached a process, so another one may take it.
        if (error.code === "ECONNREFUSED") {
          markDown(index);
          return attempt();
        }
        if (!outgoing.headersSent) outgoing.writeHead(502, { "content-type": "text/plain" }).end(`upstream failed: ${error.code ?? error.message}`);
        else outgoing.destroy();
      });
      proxied.end(body);
    };
    attempt();
  };

  const learnSessionId = (text: string, index: number) => {
    const sid = /"sid":"([^"]+)"/.exec(text)?.[1];
    if (sid) sessions.set(sid, { index, seenAt: Date.now() });
  };

  const tunnels = new Set<Socket>();
  const onUpgrade = (incoming: IncomingMessage, client: Socket, head: Buffer) => {
    const tried = new Set<number>();
    tunnels.add(client);
    client.on("close", () => tunnels.delete(client));
    client.on("error", () => client.destroy());
    const attempt = () => {
      const index = choose(incoming.headers, incoming.url, tried);
      if (index === null) return client.end("HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\n\r\n");
      tried.add(index);
      const upstream = upstreams[index]!;
      const socket = connect(upstream.port, upstream.host);
      socket.once("connect", () => {
        const headers = forwardedHeaders(incoming, upstream);
        headers.connection = "Upgrade";
        headers.upgrade = incoming.headers.upgrade ?? "websocket";
        const lines = [`${incoming.method} ${incoming.url} HTTP/1.1`];
        for (const [name, value] of Object.entries(headers)) for (const item of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${item}`);
        socket.write(`${lines.join("\r\n")}\r\n\r\n`);
        if (head.length > 0) socket.write(head);
        socket.pipe(client).pipe(socket);
      });
      socket.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "ECONNREFUSED" && !client.destroyed) {
          markDown(index);
          return attempt();
        }
        client.destroy();
      });
      socket.on("close", () => client.destroy());
      client.on("close", () => socket.destroy());
    };
    attempt();
  };

  const server = createServer((incoming, outgoing) => void onRequest(incoming, outgoing).catch(() => outgoing.destroy()));
  server.on("upgrade", onUpgrade);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    port,
    upstreams: () => upstreams.map(({ host, port: upstreamPort, up }) => ({ host, port: upstreamPort, up })),
    async close() {
      clearInterval(probe);
      for (const tunnel of tunnels) tunnel.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function engineSessionId(url: string | undefined): string | undefined {
  if (!url?.startsWith("/socket.io/")) return undefined;
  return new URL(url, "http://proxy").searchParams.get("sid") ?? undefined;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

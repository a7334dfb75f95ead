import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { createSocketServer } from "@/lib/server/realtime/create-socket-server";

/** The real Socket.IO server of the app on an ephemeral port (no Next: sockets only). */
export async function startSocketServer() {
  const httpServer = createServer((_request, response) => {
    response.statusCode = 404;
    response.end();
  });
  const sockets = createSocketServer(httpServer);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const clients: Socket[] = [];
  return {
    url,
    connect(namespace: "/live" | "/agent", cookie?: string): Socket {
      const socket = connect(`${url}${namespace}`, {
        transports: ["websocket"],
        extraHeaders: cookie ? { cookie } : {},
        reconnection: false,
        forceNew: true,
      });
      clients.push(socket);
      return socket;
    },
    async close() {
      for (const client of clients) client.disconnect();
      await sockets.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

/** Resolves with the connect_error's data, or "connected". */
export function connectOutcome(socket: Socket): Promise<"connected" | { code: string; message: string }> {
  return new Promise((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (error: Error & { data?: { code: string; message: string } }) =>
      resolve(error.data ?? { code: "UNKNOWN", message: error.message }),
    );
  });
}

export function nextEvent<T = unknown>(socket: Socket, event: string, timeoutMs = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

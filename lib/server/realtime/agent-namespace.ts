import type { Namespace, Server } from "socket.io";

/**
 * `/agent`: line agents. Until the line-agent protocol lands every connection is refused with
 * a clear code, so an agent of the future sees why rather than a silent hang.
 */
export function attachAgentNamespace(io: Server): Namespace {
  const agent = io.of("/agent");
  agent.use((_socket, next) => {
    const message = "Line agents are not accepted by this server version yet (protocol v1 is not enabled).";
    next(Object.assign(new Error(message), { data: { code: "AGENT_PROTOCOL_UNAVAILABLE", message } }));
  });
  return agent;
}

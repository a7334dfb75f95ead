import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSocketServer } from "@/lib/server/realtime/create-socket-server";
import { connectOutcome } from "../../support/socket-server";
import { agentAuth, createFactory, issueToken } from "./agent-fixtures";

const dir = mkdtempSync(path.join(tmpdir(), "tailorline-mtls-"));
const file = (name: string) => path.join(dir, name);
const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });

/** A throwaway CA, a server certificate for 127.0.0.1, and client certificates with the given CNs. */
function makeCertificates(clientNames: string[]) {
  openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "1", "-subj", "/CN=test-ca");
  writeFileSync(file("server.ext"), "subjectAltName=IP:127.0.0.1\n");
  for (const [name, subject, ext] of [["server", "/CN=127.0.0.1", ["-extfile", "server.ext"]], ...clientNames.map((cn, i) => [`client${i}`, `/CN=${cn}`, []] as const)] as const) {
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", subject);
    openssl("x509", "-req", "-in", `${name}.csr`, "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", `${name}.pem`, "-days", "1", ...ext);
  }
}

let url = "";
let close: () => Promise<void> = async () => {};

beforeAll(async () => {
  process.env.TLS_CLIENT_CA = file("ca.pem");
});
afterAll(async () => {
  await close();
  delete process.env.TLS_CLIENT_CA;
  rmSync(dir, { recursive: true, force: true });
});

describe("/agent with mutual TLS", () => {
  it("admits an agent whose client certificate names its line, and refuses another line's certificate or none", async () => {
    const factory = await createFactory(2);
    const [line, other] = factory.lines;
    makeCertificates([line!.id, other!.id]);
    const httpsServer = createServer({ cert: readFileSync(file("server.pem")), key: readFileSync(file("server.key")), ca: readFileSync(file("ca.pem")), requestCert: true, rejectUnauthorized: false });
    const sockets = createSocketServer(httpsServer as never);
    await new Promise<void>((resolve) => httpsServer.listen(0, "127.0.0.1", resolve));
    url = `https://127.0.0.1:${(httpsServer.address() as AddressInfo).port}`;
    close = async () => {
      await sockets.close();
      httpsServer.closeAllConnections();
      await new Promise<void>((resolve) => httpsServer.close(() => resolve()));
    };
    const { token } = await issueToken(factory, line!.id);
    const agentWith = (client: string | null) =>
      connect(`${url}/agent`, {
        transports: ["websocket"], reconnection: false, forceNew: true, auth: agentAuth(line!.id, token), ca: readFileSync(file("ca.pem"), "utf8"),
        ...(client ? { cert: readFileSync(file(`${client}.pem`), "utf8"), key: readFileSync(file(`${client}.key`), "utf8") } : {}),
      });
    const admitted = agentWith("client0");
    expect(await connectOutcome(admitted)).toBe("connected");
    admitted.disconnect();
    expect(await connectOutcome(agentWith("client1"))).toMatchObject({ code: "CLIENT_CERTIFICATE_MISMATCH" });
    expect(await connectOutcome(agentWith(null))).toMatchObject({ code: "CLIENT_CERTIFICATE_MISMATCH" });
  });
});

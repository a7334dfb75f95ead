import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { resetAgentAuthFailures } from "@/lib/server/lines/authenticate-line-agent";
import { revokeLineCredential } from "@/lib/server/lines/revoke-line-credential";
import { rotateLineCredential } from "@/lib/server/lines/rotate-line-credential";
import { connectOutcome, nextEvent } from "../../support/socket-server";
import { agentAuth, birthOf, createFactory, issueToken, startAgentServer, waitFor } from "./agent-fixtures";

let server: Awaited<ReturnType<typeof startAgentServer>>;
beforeAll(async () => {
  server = await startAgentServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => resetAgentAuthFailures());

const failuresFor = (claimedLineId: string) =>
  db.auditLog.findMany({ where: { action: "agent.auth", outcome: "failure" }, orderBy: { id: "asc" } }).then((rows) => rows.filter((row) => (row.details as { claimedLineId?: string })?.claimedLineId === claimedLineId));

describe("/agent handshake", () => {
  it("admits a valid credential, audits it with the address and records its last use", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const { credentialId, token } = await issueToken(factory, line.id);
    const socket = server.rawAgent(agentAuth(line.id, token));
    expect(await connectOutcome(socket)).toBe("connected");
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "agent.auth", outcome: "success", targetId: line.id } });
    expect(entry).toMatchObject({ actorType: "agent", actorId: line.id, organizationId: factory.manufacturer.id, address: "127.0.0.1" });
    const credential = await db.lineCredential.findUniqueOrThrow({ where: { id: credentialId } });
    expect(credential.lastUsedAt).not.toBeNull();
    expect(credential.lastUsedAddress).toBe("127.0.0.1");
    // The token itself is never stored.
    expect(JSON.stringify(credential)).not.toContain(token);
  });

  it("refuses an unknown line, a wrong token, a wrong protocol and a malformed handshake, each with its code and an audit entry", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const { token } = await issueToken(factory, line.id);
    const cases = [
      { auth: agentAuth("no-such-line", token), code: "LINE_UNKNOWN", claimed: "no-such-line" },
      { auth: agentAuth(line.id, "A".repeat(43)), code: "TOKEN_INVALID", claimed: line.id },
      { auth: agentAuth(line.id, "short"), code: "TOKEN_INVALID", claimed: line.id },
      { auth: { ...agentAuth(line.id, token), protocol: 2 }, code: "AGENT_PROTOCOL_UNSUPPORTED", claimed: line.id },
      { auth: { lineId: line.id }, code: "AGENT_AUTH_MALFORMED", claimed: line.id },
    ];
    for (const { auth, code } of cases) {
      const outcome = await connectOutcome(server.rawAgent(auth));
      expect(outcome).toMatchObject({ code });
    }
    const audited = (await failuresFor(line.id)).map((row) => (row.details as { code: string }).code);
    expect(audited).toEqual(["TOKEN_INVALID", "TOKEN_INVALID", "AGENT_PROTOCOL_UNSUPPORTED", "AGENT_AUTH_MALFORMED"]);
    expect((await failuresFor("no-such-line")).map((row) => row.address)).toEqual(["127.0.0.1"]);
  });

  it("refuses a forged line id carrying another line's valid token, naming the forgery in the audit", async () => {
    const factory = await createFactory(2);
    const [mine, theirs] = factory.lines;
    const { token: theirToken } = await issueToken(factory, theirs!.id);
    await issueToken(factory, mine!.id);
    expect(await connectOutcome(server.rawAgent(agentAuth(mine!.id, theirToken)))).toMatchObject({ code: "TOKEN_INVALID" });
    const [entry] = await failuresFor(mine!.id);
    expect(entry!.details).toMatchObject({ code: "TOKEN_INVALID", reason: "token of another line", tokenLineId: theirs!.id });
  });

  it("refuses an expired token and a revoked one", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const expired = await issueToken(factory, line.id, { expiresInDays: 1 });
    await db.lineCredential.update({ where: { id: expired.credentialId }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await connectOutcome(server.rawAgent(agentAuth(line.id, expired.token)))).toMatchObject({ code: "TOKEN_EXPIRED" });
    const revoked = await issueToken(factory, line.id);
    await revokeLineCredential(factory.admin.actor, line.id, revoked.credentialId, "127.0.0.1");
    expect(await connectOutcome(server.rawAgent(agentAuth(line.id, revoked.token)))).toMatchObject({ code: "TOKEN_REVOKED" });
  });

  it("rate-limits failed attempts per address, and a correct token is refused too while limited", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const { token } = await issueToken(factory, line.id);
    for (let i = 0; i < 10; i++) expect(await connectOutcome(server.rawAgent(agentAuth(line.id, "B".repeat(43))))).toMatchObject({ code: "TOKEN_INVALID" });
    const limited = await connectOutcome(server.rawAgent(agentAuth(line.id, token)));
    expect(limited).toMatchObject({ code: "AGENT_RATE_LIMITED" });
    // The refusal does not wait for its audit entry (a flood must stay cheap): wait for it here.
    const limitedAudits = async () => (await failuresFor(line.id)).filter((row) => (row.details as { code: string }).code === "AGENT_RATE_LIMITED");
    await waitFor(async () => (await limitedAudits()).length > 0, 5_000, "the rate-limit audit entry");
    expect(await limitedAudits()).toHaveLength(1);
  });

  it("disconnects a live agent within a second when its credential is revoked", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const { credentialId, token } = await issueToken(factory, line.id);
    const socket = server.rawAgent(agentAuth(line.id, token));
    expect(await connectOutcome(socket)).toBe("connected");
    expect(await socket.emitWithAck("birth", birthOf())).toMatchObject({ ok: true, kind: "first" });
    const cut = nextEvent<string>(socket, "disconnect", 1_000);
    const started = Date.now();
    await revokeLineCredential(factory.admin.actor, line.id, credentialId, "127.0.0.1");
    expect(await cut).toBe("io server disconnect");
    expect(Date.now() - started).toBeLessThan(1_000);
    await waitFor(async () => !(await db.line.findUniqueOrThrow({ where: { id: line.id } })).online, 2_000, "line offline");
    expect(await db.outboxEvent.count({ where: { type: "line.offline", rooms: { has: `line:${line.id}` } } })).toBe(1);
  });

  it("keeps the old token working through a rotation's grace period, then refuses it", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const old = await issueToken(factory, line.id);
    const rotated = await rotateLineCredential(factory.admin.actor, line.id, old.credentialId, { graceHours: 1 }, "127.0.0.1");
    expect(await connectOutcome(server.rawAgent(agentAuth(line.id, old.token)))).toBe("connected");
    expect(await connectOutcome(server.rawAgent(agentAuth(line.id, rotated.token)))).toBe("connected");
    await db.lineCredential.update({ where: { id: old.credentialId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await connectOutcome(server.rawAgent(agentAuth(line.id, old.token)))).toMatchObject({ code: "TOKEN_EXPIRED" });
    expect(await db.auditLog.count({ where: { action: "line-credential.rotate", targetId: rotated.credential.id } })).toBe(1);
  });

  it("lets a newer connection of the same line replace the older one", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const { token } = await issueToken(factory, line.id);
    const first = server.rawAgent(agentAuth(line.id, token));
    await connectOutcome(first);
    await first.emitWithAck("birth", birthOf());
    const replaced = nextEvent(first, "superseded");
    const second = server.rawAgent(agentAuth(line.id, token));
    expect(await connectOutcome(second)).toBe("connected");
    await replaced;
    expect(await second.emitWithAck("birth", birthOf({ session: 2 }))).toMatchObject({ ok: true, kind: "restart" });
    expect((await db.line.findUniqueOrThrow({ where: { id: line.id } })).online).toBe(true);
  });
});

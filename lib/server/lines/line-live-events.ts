import type { Prisma } from "@/generated/prisma/client";
import type { OutboxEventInput } from "../realtime/outbox";

/**
 * The browser events of the line area, as outbox rows. Rooms: the line's own room and its
 * manufacturer's board; order events also go to the order's room (the consumer's tracking page).
 * Payloads are patches the board merges; browsers refetch on reconnect, so a lost one costs
 * freshness only.
 */
const rooms = (line: { id: string; manufacturerId: string }) => [`line:${line.id}`, `manufacturer:${line.manufacturerId}`];

export type LinePatch = {
  lineId: string;
  online?: boolean;
  status?: string;
  statusReason?: string | null;
  lastSeq?: number;
  lastEventAt?: string | null;
  lastSeenAt?: string | null;
  ackedPlanVersion?: number | null;
  agentVersion?: string | null;
};

export function lineUpdated(line: { id: string; manufacturerId: string }, patch: Omit<LinePatch, "lineId">): OutboxEventInput {
  return { type: "line.updated", rooms: rooms(line), payload: { lineId: line.id, ...patch } as Prisma.InputJsonValue };
}

/** The planner's notification that a line dropped off (disconnect or missed heartbeats). */
export function lineOffline(line: { id: string; manufacturerId: string; code: string }, at: Date, reason: string): OutboxEventInput {
  return { type: "line.offline", rooms: rooms(line), payload: { lineId: line.id, code: line.code, at: at.toISOString(), reason } };
}

export type JobPatch = {
  jobId: string;
  lineId: string;
  code: string;
  status: string;
  interrupted: boolean;
  progress: number;
  goodCount: number;
  scrapCount: number;
  orderId: string | null;
};

export function jobUpdated(line: { id: string; manufacturerId: string }, job: JobPatch): OutboxEventInput {
  return { type: "job.updated", rooms: rooms(line), payload: job as unknown as Prisma.InputJsonValue };
}

export function orderUpdated(order: { id: string; manufacturerId: string }, patch: { status: string; progress: number }): OutboxEventInput {
  return { type: "order.updated", rooms: [`order:${order.id}`, `manufacturer:${order.manufacturerId}`], payload: { orderId: order.id, ...patch } };
}

export function lineCommandUpdated(line: { id: string; manufacturerId: string }, command: { id: string; kind: string; jobId: string | null; status: string; reason: string | null }): OutboxEventInput {
  return { type: "line.command", rooms: rooms(line), payload: { lineId: line.id, commandId: command.id, kind: command.kind, jobId: command.jobId, status: command.status, reason: command.reason } };
}

export function planPublished(manufacturerId: string, version: number): OutboxEventInput {
  return { type: "plan.published", rooms: [`manufacturer:${manufacturerId}`], payload: { version } };
}

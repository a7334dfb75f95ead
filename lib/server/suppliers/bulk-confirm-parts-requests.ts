import type { Actor } from "@/lib/core/policy";
import type { BulkConfirm } from "@/lib/core/sourcing/parts-request-filter";
import { authorize } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import { nudgeOutbox } from "../realtime/outbox";
import { respondInTransaction } from "./respond-to-parts-request";

/**
 * Confirms many requests in full with one promised date. Each request is its own transaction:
 * one that someone else answered meanwhile is reported, the others still go through.
 */
export async function bulkConfirmPartsRequests(actor: Actor, input: BulkConfirm) {
  // Decided for the whole call first: per-row refusals are collected below, so without this an
  // anonymous caller or a manufacturer's planner got a 200 listing one refusal per row.
  authorize(actor, "parts-request.list");
  if (actor.organizationKind !== "supplier") throw new AppError("NOT_A_SUPPLIER", "Only a supplier's users have a parts request inbox.", { status: 403 });
  const results: Array<{ requestId: string; ok: true } | { requestId: string; ok: false; code: string; message: string }> = [];
  for (const requestId of new Set(input.requestIds)) {
    try {
      await db.$transaction((tx) => respondInTransaction(tx, actor, { requestId, action: "confirm", promisedDate: input.promisedDate }));
      results.push({ requestId, ok: true });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      results.push({ requestId, ok: false, code: error.code, message: error.message });
    }
  }
  nudgeOutbox();
  return { confirmed: results.filter((result) => result.ok).length, results };
}

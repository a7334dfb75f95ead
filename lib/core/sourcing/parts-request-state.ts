import { z } from "zod";

/**
 * A parts request's life: requested → confirmed (quantity, promised date) or rejected (reason)
 * → received; withdrawn when its order is cancelled. A short confirmation or a rejection
 * leaves a shortfall that the use case re-sources to the next supplier.
 */
export type PartsRequestStatus = "requested" | "confirmed" | "rejected" | "received" | "withdrawn";

export type PartsRequestState = {
  status: PartsRequestStatus;
  quantity: number;
  confirmedQuantity: number | null;
  promisedDate: Date | null;
};

const IsoDateSchema = z.iso.date({ error: "Use a date like 2026-12-24." });

export const SupplierResponseSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("confirm"),
    /** Omitted: the full requested quantity. */
    quantity: z.number({ error: "Quantity must be a number." }).int("Quantity must be a whole number.").positive("Quantity must be at least 1.").max(1_000_000).optional(),
    promisedDate: IsoDateSchema,
  }),
  z.object({
    action: z.literal("reject"),
    reason: z.string().trim().min(3, "Say why, in a few words.").max(500, "Keep the reason under 500 characters."),
  }),
  z.object({ action: z.literal("revise"), promisedDate: IsoDateSchema }),
  z.object({ action: z.literal("receive") }),
]);
export type SupplierResponse = z.infer<typeof SupplierResponseSchema>;

export type Transition =
  | { ok: true; next: PartsRequestState & { rejectReason?: string }; shortfall: number; slipDays: number }
  | { ok: false; code: "INVALID_TRANSITION" | "QUANTITY_TOO_HIGH" | "DATE_IN_PAST"; message: string; field?: string };

const DAY_MS = 86_400_000;

function startOfUtcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** Applies a supplier's response; `today` bounds promised dates (no promises in the past). */
export function respondToPartsRequest(state: PartsRequestState, response: SupplierResponse, today: Date): Transition {
  const refuse = (message: string): Transition => ({ ok: false, code: "INVALID_TRANSITION", message });
  switch (response.action) {
    case "confirm": {
      if (state.status !== "requested") return refuse(`A ${state.status} request cannot be confirmed.`);
      const quantity = response.quantity ?? state.quantity;
      if (quantity > state.quantity) {
        return { ok: false, code: "QUANTITY_TOO_HIGH", field: "quantity", message: `At most ${state.quantity} were requested.` };
      }
      const promised = new Date(`${response.promisedDate}T00:00:00Z`);
      if (promised.getTime() < startOfUtcDay(today)) {
        return { ok: false, code: "DATE_IN_PAST", field: "promisedDate", message: "The promised date cannot be in the past." };
      }
      return {
        ok: true,
        next: { status: "confirmed", quantity: state.quantity, confirmedQuantity: quantity, promisedDate: promised },
        shortfall: state.quantity - quantity,
        slipDays: 0,
      };
    }
    case "reject":
      if (state.status !== "requested") return refuse(`A ${state.status} request cannot be rejected.`);
      return {
        ok: true,
        next: { status: "rejected", quantity: state.quantity, confirmedQuantity: 0, promisedDate: null, rejectReason: response.reason },
        shortfall: state.quantity,
        slipDays: 0,
      };
    case "revise": {
      if (state.status !== "confirmed" || !state.promisedDate) return refuse("Only a confirmed request's date can be revised.");
      const promised = new Date(`${response.promisedDate}T00:00:00Z`);
      if (promised.getTime() < startOfUtcDay(today)) {
        return { ok: false, code: "DATE_IN_PAST", field: "promisedDate", message: "The promised date cannot be in the past." };
      }
      return {
        ok: true,
        next: { ...state, promisedDate: promised },
        shortfall: 0,
        slipDays: Math.round((promised.getTime() - state.promisedDate.getTime()) / DAY_MS),
      };
    }
    case "receive":
      if (state.status !== "confirmed") return refuse(`A ${state.status} request cannot be received.`);
      return { ok: true, next: { ...state, status: "received" }, shortfall: 0, slipDays: 0 };
  }
}

/** The order was cancelled: open requests are withdrawn; received parts stay received (they are stock now). */
export function canWithdraw(status: PartsRequestStatus): boolean {
  return status === "requested" || status === "confirmed";
}

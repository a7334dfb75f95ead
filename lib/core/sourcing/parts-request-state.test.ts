import { describe, expect, it } from "vitest";
import { canWithdraw, respondToPartsRequest, SupplierResponseSchema, type PartsRequestState } from "./parts-request-state";

const today = new Date("2026-12-01T10:00:00Z");
const requested: PartsRequestState = { status: "requested", quantity: 10, confirmedQuantity: null, promisedDate: null };
const confirmed: PartsRequestState = { status: "confirmed", quantity: 10, confirmedQuantity: 10, promisedDate: new Date("2026-12-05T00:00:00Z") };

describe("parts request transitions", () => {
  it("confirms in full by default, with no shortfall", () => {
    const result = respondToPartsRequest(requested, { action: "confirm", promisedDate: "2026-12-04" }, today);
    expect(result).toEqual({
      ok: true,
      next: { status: "confirmed", quantity: 10, confirmedQuantity: 10, promisedDate: new Date("2026-12-04T00:00:00Z") },
      shortfall: 0,
      slipDays: 0,
    });
  });

  it("a partial confirmation leaves the rest to re-source", () => {
    const result = respondToPartsRequest(requested, { action: "confirm", quantity: 6, promisedDate: "2026-12-01" }, today);
    expect(result).toMatchObject({ ok: true, shortfall: 4, next: { confirmedQuantity: 6 } });
  });

  it("refuses more than was asked, a date in the past, and a second answer", () => {
    expect(respondToPartsRequest(requested, { action: "confirm", quantity: 11, promisedDate: "2026-12-04" }, today)).toMatchObject({ ok: false, code: "QUANTITY_TOO_HIGH", field: "quantity" });
    expect(respondToPartsRequest(requested, { action: "confirm", promisedDate: "2026-11-30" }, today)).toMatchObject({ ok: false, code: "DATE_IN_PAST", field: "promisedDate" });
    expect(respondToPartsRequest(confirmed, { action: "confirm", promisedDate: "2026-12-04" }, today)).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(respondToPartsRequest(confirmed, { action: "reject", reason: "changed my mind" }, today)).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });

  it("a rejection leaves everything to re-source, with the reason", () => {
    expect(respondToPartsRequest(requested, { action: "reject", reason: "out of stock" }, today)).toMatchObject({
      ok: true,
      shortfall: 10,
      next: { status: "rejected", rejectReason: "out of stock", confirmedQuantity: 0 },
    });
  });

  it("a revised date reports the slip in days (later is positive)", () => {
    expect(respondToPartsRequest(confirmed, { action: "revise", promisedDate: "2026-12-08" }, today)).toMatchObject({ ok: true, slipDays: 3 });
    expect(respondToPartsRequest(confirmed, { action: "revise", promisedDate: "2026-12-03" }, today)).toMatchObject({ ok: true, slipDays: -2 });
    expect(respondToPartsRequest(requested, { action: "revise", promisedDate: "2026-12-08" }, today)).toMatchObject({ ok: false });
  });

  it("only confirmed requests are received; open ones can be withdrawn", () => {
    expect(respondToPartsRequest(confirmed, { action: "receive" }, today)).toMatchObject({ ok: true, next: { status: "received" } });
    expect(respondToPartsRequest(requested, { action: "receive" }, today)).toMatchObject({ ok: false });
    expect(["requested", "confirmed", "rejected", "received", "withdrawn"].map((s) => canWithdraw(s as never))).toEqual([true, true, false, false, false]);
  });

  it("the response schema names the bad field", () => {
    const bad = SupplierResponseSchema.safeParse({ action: "confirm", quantity: -1, promisedDate: "24/12/2026" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join("."))).toEqual(["quantity", "promisedDate"]);
  });
});

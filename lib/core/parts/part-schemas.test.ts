import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/parse-csv";
import { OfferCsvRowSchema, PartCsvRowSchema, PART_COLUMNS } from "./part-schemas";

describe("parts CSV", () => {
  it("reads a good file", () => {
    const csv = "part_number,name,unit,on_hand\r\nfr-door-sgl,\"Door, single\",pcs,12\r\n";
    expect(parseCsv(csv, PartCsvRowSchema, [...PART_COLUMNS])).toEqual({ ok: true, rows: [{ partNumber: "FR-DOOR-SGL", name: "Door, single", unit: "pcs", onHand: 12 }] });
  });

  it("names every bad row and field, and returns no rows at all", () => {
    const csv = ["part_number,name,unit,on_hand", "OK-1,Fine,pcs,1", "BAD PART,Name,pcs,1", "OK-2,,litre,-3"].join("\n");
    const result = parseCsv(csv, PartCsvRowSchema, [...PART_COLUMNS]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.row}:${e.field}`)).toEqual(["3:partNumber", "4:name", "4:unit", "4:onHand"]);
  });

  it("reports a missing column", () => {
    const result = parseCsv("part_number,name\nA,B\n", PartCsvRowSchema, [...PART_COLUMNS]);
    expect(result).toEqual({ ok: false, errors: [{ row: 1, field: "unit", message: 'Missing column "unit".' }, { row: 1, field: "on_hand", message: 'Missing column "on_hand".' }] });
  });

  it("checks supplier offers, including a minimum order quantity of at least 1", () => {
    const csv = "part_number,supplier,unit_price,currency,lead_time_days,min_order_qty,supplier_sku\nA-1,polar,1200,eur,5,0,\n";
    const result = parseCsv(csv, OfferCsvRowSchema, ["part_number"]);
    expect(result).toMatchObject({ ok: false, errors: [{ row: 2, field: "minOrderQty" }] });
  });
});

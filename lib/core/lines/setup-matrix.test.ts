import { describe, expect, it } from "vitest";
import type { SetupTable } from "../planning/planning-model";
import { setupMinutesBetween } from "../planning/planning-model";
import { applySetupMatrixSave, describeSetupConflict, diffSetupMatrix, matrixFamilies, SaveSetupMatrixSchema } from "./setup-matrix";

const stored: SetupTable = { defaultMinutes: 30, matrix: { "fridge-steel": { "fridge-glass": 20, "fridge-painted": 15 }, "fridge-glass": { "fridge-steel": 35 } } };

describe("the setup matrix", () => {
  it("diffs an edited matrix into cell changes, a cleared cell falling back to the default", () => {
    const edited: SetupTable = { defaultMinutes: 25, matrix: { "fridge-steel": { "fridge-glass": 20, "fridge-painted": 10 }, "fridge-painted": { "fridge-steel": 40 } } };
    expect(diffSetupMatrix(stored, edited)).toEqual({
      defaultMinutes: { before: 30, after: 25 },
      cells: [
        { from: "fridge-glass", to: "fridge-steel", before: 35, after: null },
        { from: "fridge-painted", to: "fridge-steel", before: null, after: 40 },
        { from: "fridge-steel", to: "fridge-painted", before: 15, after: 10 },
      ],
    });
    expect(diffSetupMatrix(stored, stored)).toEqual({ cells: [] });
  });

  it("applies a save into upserts and deletes, and the planner's lookup follows", () => {
    const save = SaveSetupMatrixSchema.parse({ defaultMinutes: { before: 30, after: 45 }, cells: [{ from: "fridge-glass", to: "fridge-steel", before: 35, after: null }, { from: "washer-basic", to: "fridge-steel", before: null, after: 60 }] });
    const result = applySetupMatrixSave(stored, save);
    if (!result.ok) throw new Error("expected the save to apply");
    expect(result.upserts).toEqual([{ from: "washer-basic", to: "fridge-steel", minutes: 60 }]);
    expect(result.deletes).toEqual([{ from: "fridge-glass", to: "fridge-steel" }]);
    expect(setupMinutesBetween(result.table, "fridge-glass", "fridge-steel")).toBe(45);
    expect(setupMinutesBetween(result.table, "washer-basic", "fridge-steel")).toBe(60);
    expect(setupMinutesBetween(result.table, "fridge-steel", "fridge-glass")).toBe(20);
    expect(result.table.matrix["fridge-glass"]).toBeUndefined();
  });

  it("refuses a save that started from values someone else changed, and names them", () => {
    const save = SaveSetupMatrixSchema.parse({ defaultMinutes: { before: 20, after: 25 }, cells: [{ from: "fridge-steel", to: "fridge-glass", before: 25, after: 30 }] });
    const result = applySetupMatrixSave(stored, save);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.conflicts.map(describeSetupConflict)).toEqual([
      "the default is now 30 min (you started from 20 min)",
      "fridge-steel → fridge-glass is now 20 min (you started from 25 min)",
    ]);
  });

  it("treats the same edit made twice as no conflict", () => {
    const save = SaveSetupMatrixSchema.parse({ cells: [{ from: "fridge-steel", to: "fridge-glass", before: 10, after: 20 }] });
    expect(applySetupMatrixSave(stored, save).ok).toBe(true);
  });

  it("names bad cells by path", () => {
    const result = SaveSetupMatrixSchema.safeParse({
      defaultMinutes: { before: 30, after: -5 },
      cells: [
        { from: "fridge-steel", to: "fridge-steel", before: null, after: 10 },
        { from: "fridge-steel", to: "fridge-glass", before: null, after: 1441 },
        { from: "Fridge Steel", to: "fridge-glass", before: null, after: 5 },
      ],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["defaultMinutes.after", "0 minutes or more."],
      ["cells.0.to", "A family needs no setup to itself."],
      ["cells.1.after", "At most 1440 minutes (a day)."],
      ["cells.2.from", "use lowercase letters, digits and single hyphens"],
    ]);
    expect(SaveSetupMatrixSchema.safeParse({ cells: [{ from: "a", to: "b", before: null, after: 1 }, { from: "a", to: "b", before: null, after: 2 }] }).error?.issues[0]?.path).toEqual(["cells", 1]);
  });

  it("lists the families of the matrix and those in use, once each", () => {
    expect(matrixFamilies(stored, ["washer-basic", "fridge-steel"], new Set(["shirt-cotton"]))).toEqual(["fridge-glass", "fridge-painted", "fridge-steel", "shirt-cotton", "washer-basic"]);
  });
});

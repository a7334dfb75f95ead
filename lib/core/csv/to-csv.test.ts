import { describe, expect, it } from "vitest";
import { toCsv } from "./to-csv";

describe("toCsv", () => {
  it("quotes what needs quoting and guards formulas", () => {
    expect(toCsv(["a", "b"], [["x,y", 'say "hi"'], ["=SUM(A1)", -3], [null, new Date("2026-12-01T00:00:00Z")]])).toBe(
      'a,b\r\n"x,y","say ""hi"""\r\n\'=SUM(A1),-3\r\n,2026-12-01T00:00:00.000Z\r\n',
    );
  });
});

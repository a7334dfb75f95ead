import { shirtFabrics } from "./made-to-measure-shirt";
import type { PartSpec } from "./part-spec";

/** The parts the bill of materials names, for the seed to create. */
export const madeToMeasureShirtParts: PartSpec[] = [
  ...shirtFabrics.map((fabric): PartSpec => ({ partNumber: fabric.part, name: `Shirting, ${fabric.label.toLowerCase()}, 150 cm wide`, unit: "m" })),
  { partNumber: "BTN-MOP-11", name: "Mother-of-pearl button, 11 mm", unit: "pcs" },
  { partNumber: "INT-COLLAR-FUS", name: "Fusible collar interlining", unit: "pcs" },
  { partNumber: "INT-CUFF-FUS", name: "Fusible cuff interlining", unit: "pcs" },
  { partNumber: "THR-POLY-120", name: "Sewing thread, polyester, 120", unit: "spool" },
  { partNumber: "LBL-WOVEN-TL", name: "Woven Tailorline label", unit: "pcs" },
  { partNumber: "CST-BRASS-PR", name: "Brass collar stays, pair", unit: "pcs" },
  { partNumber: "CLK-SILVER", name: "Cufflinks, sterling silver, pair", unit: "pcs" },
  { partNumber: "BOX-GIFT-SH", name: "Gift box, shirt", unit: "pcs" },
  { partNumber: "THR-EMB-NAVY", name: "Embroidery thread, navy", unit: "spool" },
];

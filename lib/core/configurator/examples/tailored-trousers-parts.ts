import { trouserFabrics } from "./tailored-trousers";
import type { PartSpec } from "./part-spec";

/** The parts the bill of materials names, for the seed to create. */
export const tailoredTrousersParts: PartSpec[] = [
  ...trouserFabrics.map((fabric): PartSpec => ({ partNumber: fabric.part, name: `Trouser cloth, ${fabric.label.toLowerCase()}, 150 cm wide`, unit: "m" })),
  { partNumber: "INT-WAIST-FUS", name: "Fusible waistband interlining", unit: "m" },
  { partNumber: "ZIP-YKK-18", name: "Fly zip, 18 cm", unit: "pcs" },
  { partNumber: "BTN-HORN-20", name: "Horn button, 20 mm", unit: "pcs" },
  { partNumber: "LIN-POCKET", name: "Pocketing, cotton twill", unit: "m" },
  { partNumber: "THR-POLY-120", name: "Sewing thread, polyester, 120", unit: "spool" },
  { partNumber: "LBL-WOVEN-TL", name: "Woven Tailorline label", unit: "pcs" },
  { partNumber: "ADJ-SIDE-PR", name: "Side adjusters, pair", unit: "pcs" },
  { partNumber: "BTN-SUSP-17", name: "Suspender button, 17 mm", unit: "pcs" },
  { partNumber: "LIN-KNEE", name: "Knee lining, Bemberg", unit: "m" },
  { partNumber: "THR-EMB-NAVY", name: "Embroidery thread, navy", unit: "spool" },
];

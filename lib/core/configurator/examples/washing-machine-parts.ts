import type { PartSpec } from "./part-spec";

/** The parts the bill of materials names, for the seed to create. */
export const washingMachineParts: PartSpec[] = [
  { partNumber: "WM-CAB-60", name: "Cabinet, 60 cm, enamelled steel", unit: "pcs" },
  { partNumber: "WM-MOTOR-BLDC", name: "Brushless direct-drive motor", unit: "pcs" },
  { partNumber: "WM-CTRL-PCB", name: "Control board", unit: "pcs" },
  { partNumber: "WM-SHOCK-ABS", name: "Shock absorber", unit: "pcs" },
  { partNumber: "WM-PUMP-DRAIN", name: "Drain pump", unit: "pcs" },
  { partNumber: "WM-DRUM-7", name: "Drum and tub, 7 kg", unit: "pcs" },
  { partNumber: "WM-DRUM-9", name: "Drum and tub, 9 kg", unit: "pcs" },
  { partNumber: "WM-DRUM-11", name: "Drum and tub, 11 kg", unit: "pcs" },
  { partNumber: "WM-BEARING-STD", name: "Drum bearing kit", unit: "pcs" },
  { partNumber: "WM-BEARING-HD", name: "Drum bearing kit, heavy duty", unit: "pcs" },
  { partNumber: "WM-PANEL-WHT", name: "Front panel, white", unit: "pcs" },
  { partNumber: "WM-PANEL-GRA", name: "Front panel, graphite", unit: "pcs" },
  { partNumber: "WM-PANEL-SLV", name: "Front panel, silver", unit: "pcs" },
  { partNumber: "WM-PANEL-BLU", name: "Front panel, ocean blue", unit: "pcs" },
  { partNumber: "WM-DOOR-STD", name: "Porthole door, standard", unit: "pcs" },
  { partNumber: "WM-DOOR-XL", name: "Porthole door, XL", unit: "pcs" },
  { partNumber: "WM-RING-CHR", name: "Door ring, chrome", unit: "pcs" },
  { partNumber: "WM-RING-WHT", name: "Door ring, white", unit: "pcs" },
  { partNumber: "WM-RING-BLK", name: "Door ring, black", unit: "pcs" },
  { partNumber: "WM-STACK-KIT", name: "Stacking kit", unit: "pcs" },
  { partNumber: "WM-BUILTIN-KIT", name: "Built-in mounting kit", unit: "pcs" },
  { partNumber: "WM-STEAM-GEN", name: "Steam generator", unit: "pcs" },
  { partNumber: "WM-PLATE-ENGR", name: "Name plate, brushed aluminium", unit: "pcs" },
];

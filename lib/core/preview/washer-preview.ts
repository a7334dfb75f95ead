import { escapeXml, safeColor } from "./escape-xml";
import type { PreviewLayers } from "./preview-layers";

const BODY_HEIGHT: Record<string, number> = { compact: 230, standard: 250, large: 270 };

/** Front view of a washing machine: colour, drum size, porthole and its ring, name plate. */
export function washerPreview(layers: PreviewLayers): string {
  const body = safeColor(layers.option("color")?.preview?.color, "#f5f5f3");
  const ring = safeColor(layers.option("door-ring")?.preview?.color, "#d9dde1");
  const size = layers.option("size")?.preview?.style ?? "standard";
  const height = BODY_HEIGHT[size] ?? 250;
  const xl = layers.option("door")?.preview?.style === "xl";
  const top = 290 - height;
  const radius = xl ? 78 : 64;
  const centreY = top + 50 + (height - 50) / 2;
  const parts = [
    `<rect x="30" y="${top}" width="200" height="${height}" rx="10" fill="${body}" stroke="#23262a" stroke-width="2"/>`,
    `<line x1="30" y1="${top + 44}" x2="230" y2="${top + 44}" stroke="#23262a" stroke-width="1.5"/>`,
    `<circle cx="196" cy="${top + 22}" r="12" fill="#e3e5e7" stroke="#23262a"/>`,
    `<circle cx="130" cy="${centreY}" r="${radius}" fill="${ring}" stroke="#23262a" stroke-width="2"/>`,
    `<circle cx="130" cy="${centreY}" r="${radius - 12}" fill="#2d3540" opacity="0.85"/>`,
    `<circle cx="110" cy="${centreY - 18}" r="${radius / 4}" fill="#ffffff" opacity="0.12"/>`,
  ];
  const plate = layers.text("text");
  if (plate !== "") {
    parts.push(`<text x="44" y="${top + 27}" font-family="sans-serif" font-size="11" letter-spacing="1.5" fill="#1b1d20">${escapeXml(plate)}</text>`);
  }
  return parts.join("");
}

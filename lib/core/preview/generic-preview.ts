import { escapeXml, safeColor } from "./escape-xml";
import type { PreviewLayers } from "./preview-layers";

/** For product types without a drawing: a swatch of the main colour and the chosen options. */
export function genericPreview(layers: PreviewLayers, name: string): string {
  const color = safeColor(layers.option("color")?.preview?.color, "#d0d4d8");
  const parts = [
    `<rect x="20" y="20" width="220" height="150" rx="12" fill="${color}" stroke="#23262a" stroke-width="2"/>`,
    `<text x="130" y="200" text-anchor="middle" font-family="sans-serif" font-size="14" fill="#1b1d20">${escapeXml(name)}</text>`,
  ];
  const text = layers.text("text");
  if (text !== "") {
    parts.push(`<text x="130" y="100" text-anchor="middle" font-family="serif" font-size="20" fill="#ffffff" stroke="#1b1d20" stroke-width="0.5">${escapeXml(text)}</text>`);
  }
  layers
    .labels()
    .slice(0, 6)
    .forEach((label, index) => {
      parts.push(`<text x="130" y="${222 + index * 16}" text-anchor="middle" font-family="sans-serif" font-size="11" fill="#4a4f55">${escapeXml(label)}</text>`);
    });
  return parts.join("");
}

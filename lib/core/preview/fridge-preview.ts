import { escapeXml, safeColor } from "./escape-xml";
import type { PreviewLayers } from "./preview-layers";

/** Front view of a refrigerator: body colour, door layout, handles, width to scale, engraving. */
export function fridgePreview(layers: PreviewLayers): string {
  const finish = layers.option("color")?.preview;
  const body = safeColor(finish?.color, "#c4c8cc");
  const door = layers.option("door")?.preview?.style ?? "single";
  const handle = layers.option("handle")?.preview?.style ?? "bar";
  const width = Math.round(120 + 100 * layers.fraction("width", 0.2));
  const x = (260 - width) / 2;
  const top = 20;
  const height = 360;
  const parts: string[] = [
    `<rect x="${x}" y="${top}" width="${width}" height="${height}" rx="10" fill="${body}" stroke="#23262a" stroke-width="2"/>`,
  ];
  if (finish?.style === "glass") {
    parts.push(`<rect x="${x + 6}" y="${top + 6}" width="${width * 0.35}" height="${height - 12}" rx="6" fill="#ffffff" opacity="0.08"/>`);
  }
  const seam = (x1: number, y1: number, x2: number, y2: number) =>
    `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#23262a" stroke-width="2"/>`;
  const handles: [number, number, number][] = []; // x, y, length
  if (door === "french") {
    const split = top + height * 0.64;
    parts.push(seam(x + width / 2, top, x + width / 2, split), seam(x, split, x + width, split));
    handles.push([x + width / 2 - 12, top + 60, 120], [x + width / 2 + 8, top + 60, 120], [x + width / 2 - 40, split + 20, 0]);
  } else if (door === "side-by-side") {
    parts.push(seam(x + width / 2, top, x + width / 2, top + height));
    handles.push([x + width / 2 - 12, top + 90, 180], [x + width / 2 + 8, top + 90, 180]);
  } else {
    const split = top + height * 0.68;
    parts.push(seam(x, split, x + width, split));
    handles.push([x + width - 22, top + 50, 140], [x + width / 2 - 40, split + 20, 0]);
  }
  for (const [hx, hy, length] of handles) parts.push(handleShape(handle, hx, hy, length));
  const engraving = layers.text("text");
  if (engraving !== "") {
    parts.push(
      `<text x="${x + width / 2}" y="${top + 28}" text-anchor="middle" font-family="sans-serif" font-size="12" letter-spacing="2" fill="#1b1d20" opacity="0.7">${escapeXml(engraving)}</text>`,
    );
  }
  return parts.join("");
}

/** A vertical handle of `length` px, or a horizontal 80 px one when length is 0 (drawers). */
function handleShape(style: string, x: number, y: number, length: number): string {
  const horizontal = length === 0;
  const [w, h] = horizontal ? [80, style === "pro" ? 8 : 6] : [style === "pro" ? 8 : 6, length];
  if (style === "recessed") {
    return `<rect x="${x}" y="${y}" width="${horizontal ? 80 : 4}" height="${horizontal ? 4 : length}" rx="2" fill="#111316" opacity="0.55"/>`;
  }
  const color = style === "pro" ? "#9aa1a8" : "#d6d9dc";
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="3" fill="${color}" stroke="#3a3f45" stroke-width="1"/>`;
}

import { escapeXml, safeColor } from "./escape-xml";
import type { PreviewLayers } from "./preview-layers";

/** A flat shirt: fabric colour and pattern, collar, cuffs, sleeve length to scale, pocket, monogram. */
export function shirtPreview(layers: PreviewLayers, idPrefix: string): string {
  const fabric = layers.option("fabric")?.preview;
  const cloth = safeColor(fabric?.color, "#fbfbf8");
  const pattern = fabric?.pattern ?? "solid";
  const patternId = `${idPrefix}-fabric`;
  const fill = pattern === "stripes" || pattern === "checks" ? `url(#${patternId})` : cloth;
  const sleeve = 110 + 60 * layers.fraction("sleeve", 0.5);
  const parts: string[] = [];
  if (pattern === "stripes") {
    parts.push(
      `<defs><pattern id="${patternId}" width="10" height="10" patternUnits="userSpaceOnUse"><rect width="10" height="10" fill="#ffffff"/><rect width="4" height="10" fill="${cloth}"/></pattern></defs>`,
    );
  } else if (pattern === "checks") {
    parts.push(
      `<defs><pattern id="${patternId}" width="12" height="12" patternUnits="userSpaceOnUse"><rect width="12" height="12" fill="#ffffff"/><rect width="6" height="12" fill="${cloth}" opacity="0.6"/><rect width="12" height="6" fill="${cloth}" opacity="0.6"/></pattern></defs>`,
    );
  }
  // Sleeves hang from the shoulders (95,60) and (205,60), outwards and down, `sleeve` px long.
  const drop = sleeve * 0.9;
  const reach = sleeve * 0.42;
  parts.push(
    `<path d="M95 60 L${95 - reach} ${60 + drop} L${95 - reach + 28} ${60 + drop + 6} L110 110 Z" fill="${fill}" stroke="#2a2d31" stroke-width="1.5"/>`,
    `<path d="M205 60 L${205 + reach} ${60 + drop} L${205 + reach - 28} ${60 + drop + 6} L190 110 Z" fill="${fill}" stroke="#2a2d31" stroke-width="1.5"/>`,
    `<path d="M95 60 L130 48 L170 48 L205 60 L200 300 L100 300 Z" fill="${fill}" stroke="#2a2d31" stroke-width="1.5"/>`,
    `<line x1="150" y1="62" x2="150" y2="300" stroke="#2a2d31" stroke-width="1"/>`,
  );
  for (let y = 85; y < 300; y += 35) parts.push(`<circle cx="150" cy="${y}" r="2.2" fill="#e8e4da" stroke="#2a2d31" stroke-width="0.6"/>`);
  parts.push(collarShape(layers.option("collar")?.preview?.style ?? "spread", fill));
  const cuff = layers.option("cuffs")?.preview?.style ?? "barrel";
  const cuffDepth = cuff === "french" ? 22 : 14;
  for (const [x, direction] of [[95 - reach, 1], [205 + reach, -1]] as const) {
    const y = 60 + drop - cuffDepth + 3;
    parts.push(
      `<rect x="${direction === 1 ? x : x - 30}" y="${y}" width="30" height="${cuffDepth}" transform="rotate(${direction * 12} ${x} ${y})" fill="${fill}" stroke="#2a2d31" stroke-width="1.5"/>`,
    );
  }
  if (layers.option("pocket")?.code === "chest") parts.push(`<rect x="163" y="105" width="26" height="30" fill="none" stroke="#2a2d31" stroke-width="1"/>`);
  const monogram = layers.text("monogram");
  if (monogram !== "") {
    const onChest = layers.option("monogram-position")?.code === "chest";
    const [mx, my] = onChest ? [176, 128] : [95 - reach + 14, 60 + drop - 4];
    parts.push(
      `<text x="${mx}" y="${my}" text-anchor="middle" font-family="serif" font-style="italic" font-size="10" fill="#22304f">${escapeXml(monogram)}</text>`,
    );
  }
  return parts.join("");
}

function collarShape(style: string, fill: string): string {
  const stroke = `fill="${fill}" stroke="#2a2d31" stroke-width="1.5"`;
  switch (style) {
    case "mandarin":
      return `<path d="M128 48 Q150 40 172 48 L172 60 Q150 54 128 60 Z" ${stroke}/>`;
    case "cutaway":
      return `<path d="M150 62 L122 48 L112 66 Z" ${stroke}/><path d="M150 62 L178 48 L188 66 Z" ${stroke}/>`;
    case "button-down":
      return `<path d="M150 62 L126 46 L118 78 Z" ${stroke}/><path d="M150 62 L174 46 L182 78 Z" ${stroke}/><circle cx="122" cy="73" r="1.8" fill="#2a2d31"/><circle cx="178" cy="73" r="1.8" fill="#2a2d31"/>`;
    default:
      return `<path d="M150 62 L126 46 L114 74 Z" ${stroke}/><path d="M150 62 L174 46 L186 74 Z" ${stroke}/>`;
  }
}

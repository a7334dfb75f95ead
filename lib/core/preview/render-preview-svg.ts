import type { Configuration } from "../configurator/configuration";
import type { ProductDefinition } from "../configurator/product-definition";
import { escapeXml } from "./escape-xml";
import { fridgePreview } from "./fridge-preview";
import { genericPreview } from "./generic-preview";
import { previewLayers } from "./preview-layers";
import { shirtPreview } from "./shirt-preview";
import { washerPreview } from "./washer-preview";

const VIEW_BOX: Record<string, string> = { fridge: "0 0 260 400", washer: "0 0 260 300", shirt: "0 0 300 320" };

/**
 * The configuration's picture as a standalone SVG string, drawn from layers per product type
 * (fridge, washer, shirt; anything else gets the generic swatch). Pure and deterministic, so the
 * browser, the order snapshot and the line's screen all show the same picture. Every piece of
 * text is escaped: safe for dangerouslySetInnerHTML and for serving as image/svg+xml.
 * Pass the evaluation's normalized configuration (defaults included).
 */
export function renderPreviewSvg(product: ProductDefinition, configuration: Configuration): string {
  const layers = previewLayers(product, configuration);
  // Ids must not collide when several previews share a page, yet stay deterministic.
  const idPrefix = `tl-${product.slug.replace(/[^a-z0-9-]/g, "")}-${fnv1a(JSON.stringify(configuration))}`;
  let body: string;
  switch (product.productType) {
    case "fridge":
      body = fridgePreview(layers);
      break;
    case "washer":
      body = washerPreview(layers);
      break;
    case "shirt":
      body = shirtPreview(layers, idPrefix);
      break;
    default:
      body = genericPreview(layers, product.name);
  }
  const viewBox = VIEW_BOX[product.productType] ?? "0 0 260 320";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" role="img" aria-label="${escapeXml(product.name)}">${body}</svg>`;
}

/** FNV-1a, 32 bits, as 8 hex digits: a stable short fingerprint, not a security measure. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

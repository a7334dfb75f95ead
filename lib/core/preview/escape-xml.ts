/**
 * Text and attribute values in the preview come partly from customers (an engraving, a
 * monogram): every one goes through here, so no input can open a tag or an attribute.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** A colour from a definition, or the fallback when it is not a plain #rrggbb. */
export function safeColor(color: string | undefined, fallback: string): string {
  return color !== undefined && HEX_COLOR.test(color) ? color : fallback;
}

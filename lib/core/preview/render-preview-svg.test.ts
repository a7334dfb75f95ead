import { describe, expect, it } from "vitest";
import { evaluate } from "../configurator/evaluate";
import { madeToMeasureShirt, refrigerator, tailoredTrousers, washingMachine } from "../configurator/examples";
import type { Configuration } from "../configurator/configuration";
import type { ProductDefinition } from "../configurator/product-definition";
import { renderPreviewSvg } from "./render-preview-svg";

const render = (product: ProductDefinition, configuration: Configuration) => renderPreviewSvg(product, evaluate(product, configuration).configuration);

describe("renderPreviewSvg", () => {
  it("draws a fridge's door layout and scales its body with the width", () => {
    const single = render(refrigerator, { door: "single", width: 60 });
    const french = render(refrigerator, { door: "french", width: 90 });
    expect(single.match(/<line /g)).toHaveLength(1);
    expect(french.match(/<line /g)).toHaveLength(2);
    const bodyWidth = (svg: string) => Number(/<rect x="[\d.]+" y="20" width="(\d+)"/.exec(svg)?.[1]);
    expect(bodyWidth(single)).toBe(120);
    expect(bodyWidth(french)).toBe(170);
    expect(render(refrigerator, { finish: "retro-red" })).toContain('fill="#b8312f"');
  });

  it("draws a washer's colour, ring and XL porthole", () => {
    const svg = render(washingMachine, { color: "ocean-blue", capacity: "9kg", door: "xl-porthole" });
    expect(svg).toContain('fill="#2f5d8a"');
    expect(svg).toContain('<circle cx="130" cy="190" r="78" fill="#ffffff"');
  });

  it("fills a patterned shirt with a pattern whose id differs per configuration", () => {
    const first = render(madeToMeasureShirt, { fabric: "pink-stripe" });
    const second = render(madeToMeasureShirt, { fabric: "pink-stripe", collar: "cutaway" });
    const id = (svg: string) => /<pattern id="([^"]+)"/.exec(svg)?.[1];
    expect(id(first)).toMatch(/^tl-made-to-measure-shirt-[0-9a-f]{8}-fabric$/);
    expect(id(first)).not.toBe(id(second));
    expect(first).toContain(`fill="url(#${id(first)})"`);
    expect(render(madeToMeasureShirt, { fabric: "pink-stripe" })).toBe(first);
  });

  it("puts the monogram on the cuff or on the chest", () => {
    expect(render(madeToMeasureShirt, { monogram: "jd" })).toMatch(/<text x="[\d.]+" y="[\d.]+"[^>]*>JD<\/text>/);
    const onChest = render(madeToMeasureShirt, { monogram: "JD", "monogram-position": "chest" });
    expect(onChest).toContain('<text x="176" y="128"');
  });

  it("escapes customer text, whatever reaches it, and never trusts a colour that is not #rrggbb", () => {
    const engraved = renderPreviewSvg(refrigerator, { engraving: '"><script>x</script>' });
    expect(engraved).not.toContain("<script");
    expect(engraved).toContain(">&#34;&#62;&#60;script&#62;x&#60;/script&#62;</text>");
    // Text is also cut to the group's maximum length (three for a monogram).
    expect(renderPreviewSvg(tailoredTrousers, { monogram: "<img src=x>" })).toContain(">&#60;im</text>");
    const tampered = structuredClone(refrigerator);
    const finish = tampered.groups[0];
    if (finish?.kind !== "single") throw new Error("fixture changed");
    finish.options[0]!.preview = { color: 'red" onload="alert(1)' };
    expect(renderPreviewSvg(tampered, { finish: "stainless-steel" })).not.toContain("onload");
  });

  it("falls back to a captioned swatch for other product types", () => {
    const svg = render(tailoredTrousers, { fabric: "olive-chino", monogram: "AB" });
    expect(svg).toContain('fill="#6b6b3a"');
    expect(svg).toContain(">Olive cotton chino</text>");
    expect(svg).toContain(">AB</text>");
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });
});

/**
 * The configurator page's JavaScript, gzipped: the target is under 250 KB for the route
 * /catalogue/[manufacturerSlug]/[productSlug]. Run after `npm run build`. Prints exactly one line:
 *   configurator page js_gzip_kb=…
 *
 * By default it reads the production build's manifests: the app's root chunks (the runtime,
 * React, Next's router — every page loads them; the `nomodule` polyfills are left out, modern
 * browsers skip them) plus the route's own entry chunks (its layouts and the page's client
 * components), each gzipped as the server would send it. `--chunks` lists them on stderr.
 *
 * With `--url http://host:port/catalogue/nordkyl/custom-refrigerator` it loads the page in
 * Chromium instead and sums the JavaScript actually transferred (the server gzips it), as a
 * cross-check that the manifests tell the whole story.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

const ROUTE = "/catalogue/[manufacturerSlug]/[productSlug]/page";
const NEXT_DIR = path.resolve(".next");
const args = process.argv.slice(2);
const urlIndex = args.indexOf("--url");

function fromManifests(): { files: Array<{ file: string; gzipBytes: number }> } {
  if (!existsSync(path.join(NEXT_DIR, "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");
  const buildManifest = JSON.parse(readFileSync(path.join(NEXT_DIR, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const manifestFile = path.join(NEXT_DIR, "server/app", `${ROUTE}_client-reference-manifest.js`);
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[route]; run it in a sandbox.
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  runInNewContext(readFileSync(manifestFile, "utf8"), { globalThis: sandbox });
  const entries = sandbox.__RSC_MANIFEST?.[ROUTE]?.entryJSFiles;
  if (!entries) throw new Error(`No client entries for ${ROUTE} in ${manifestFile}.`);
  const files = [...new Set([...buildManifest.rootMainFiles, ...Object.values(entries).flat()])].filter((file) => file.endsWith(".js"));
  return { files: files.map((file) => ({ file, gzipBytes: gzipSync(readFileSync(path.join(NEXT_DIR, file))).length })) };
}

async function fromBrowser(url: string): Promise<{ files: Array<{ file: string; gzipBytes: number }> }> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage({ extraHTTPHeaders: { "accept-encoding": "gzip" } });
    const files: Array<{ file: string; gzipBytes: number }> = [];
    page.on("requestfinished", (request) => {
      if (request.resourceType() !== "script") return;
      void request.sizes().then((sizes) => files.push({ file: new URL(request.url()).pathname, gzipBytes: sizes.responseBodySize }));
    });
    await page.goto(url, { waitUntil: "networkidle" });
    await page.waitForTimeout(500);
    return { files };
  } finally {
    await browser.close();
  }
}

const { files } = urlIndex >= 0 ? await fromBrowser(args[urlIndex + 1] ?? "") : fromManifests();
if (args.includes("--chunks")) {
  for (const { file, gzipBytes } of [...files].sort((a, b) => b.gzipBytes - a.gzipBytes)) console.error(`${(gzipBytes / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
const totalKb = files.reduce((sum, { gzipBytes }) => sum + gzipBytes, 0) / 1024;
console.log(`configurator page js_gzip_kb=${totalKb.toFixed(1)}`);

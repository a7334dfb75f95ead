import { describe, expect, it } from "vitest";
import { checkJobPreviewLink, jobPreviewLink, PreviewLinkQuerySchema } from "@/lib/server/lines/job-preview-link";

const SECRET = "unit-test-secret-0123456789abcdef";
const now = new Date("2026-11-26T10:20:00Z");

function queryOf(link: string) {
  const url = new URL(link, "http://line-gateway.test");
  return { jobId: decodeURIComponent(url.pathname.split("/")[3]!), query: PreviewLinkQuerySchema.parse(Object.fromEntries(url.searchParams)) };
}

describe("job preview links", () => {
  it("signs one job on one line until an expiry about a week away, in whole hours", () => {
    const link = jobPreviewLink("job-1", "line-1", now, SECRET)!;
    expect(link).toMatch(/^\/api\/jobs\/job-1\/preview\.svg\?line=line-1&expires=\d+&signature=[A-Za-z0-9_-]{43}$/);
    const { jobId, query } = queryOf(link);
    expect(jobId).toBe("job-1");
    expect(query.expires * 1000).toBe(Date.parse("2026-12-03T11:00:00Z"));
    expect(checkJobPreviewLink(jobId, query, now, SECRET)).toBe("valid");
    // The same queue pushed again within the hour carries the same links.
    expect(jobPreviewLink("job-1", "line-1", new Date(now.getTime() + 30 * 60_000), SECRET)).toBe(link);
  });

  it("is worth nothing for another job, another line, a later expiry, another secret or an altered signature", () => {
    const { query } = queryOf(jobPreviewLink("job-1", "line-1", now, SECRET)!);
    expect(checkJobPreviewLink("job-2", query, now, SECRET)).toBe("invalid");
    expect(checkJobPreviewLink("job-1", { ...query, line: "line-2" }, now, SECRET)).toBe("invalid");
    expect(checkJobPreviewLink("job-1", { ...query, expires: query.expires + 3_600 }, now, SECRET)).toBe("invalid");
    expect(checkJobPreviewLink("job-1", query, now, "another-secret-0123456789abcdef")).toBe("invalid");
    const flipped = (query.signature[0] === "A" ? "B" : "A") + query.signature.slice(1);
    expect(checkJobPreviewLink("job-1", { ...query, signature: flipped }, now, SECRET)).toBe("invalid");
    expect(checkJobPreviewLink("job-1", query, now, "")).toBe("invalid");
  });

  it("expires", () => {
    const { query } = queryOf(jobPreviewLink("job-1", "line-1", now, SECRET)!);
    expect(checkJobPreviewLink("job-1", query, new Date(query.expires * 1000 - 1), SECRET)).toBe("valid");
    expect(checkJobPreviewLink("job-1", query, new Date(query.expires * 1000), SECRET)).toBe("expired");
  });

  it("is not made without a secret to sign with", () => {
    expect(jobPreviewLink("job-1", "line-1", now, "")).toBeNull();
  });

  it("refuses malformed link parameters", () => {
    expect(PreviewLinkQuerySchema.safeParse({ line: "line-1", expires: "soon", signature: "x".repeat(43) }).success).toBe(false);
    expect(PreviewLinkQuerySchema.safeParse({ line: "../other", expires: "1", signature: "x".repeat(43) }).success).toBe(false);
    expect(PreviewLinkQuerySchema.safeParse({ line: "line-1", expires: "1", signature: "short" }).success).toBe(false);
  });
});

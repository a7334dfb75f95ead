import { NextResponse, type NextRequest } from "next/server";

/**
 * A Content-Security-Policy with a fresh nonce for every page (docs/decisions/0009). Next.js
 * reads the nonce from the request's CSP header and puts it on its own scripts; a script an
 * attacker injects has no nonce and does not run. Static headers (HSTS, nosniff, referrer
 * policy, frame options) are in next.config.ts; API routes answer JSON and are not matched.
 *
 * - scripts: 'strict-dynamic' lets the nonced bootstrap load the app's chunks, nothing else;
 * - styles: 'unsafe-inline' stays — React style attributes and the dialogs' scroll lock inject
 *   styles without a nonce, and a style cannot run code;
 * - connect-src 'self' covers the same-origin Socket.IO websocket;
 * - frame-ancestors 'none': nobody frames Tailorline (clickjacking).
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const https = (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")) === "https";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|socket.io/|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

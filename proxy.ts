// Runs before every page: a fresh nonce and the Content Security Policy built on it (Next.js puts the
// nonce on its own scripts, so no inline or eval'd script can run), the other security headers, and
// the requested path for pages that send an anonymous visitor to /login?next=<path>.
// Static assets, prefetches, the OTLP receiver and the JSON API are not pages and skip this.
import { NextResponse, type NextRequest } from "next/server";
import { buildContentSecurityPolicy, SECURITY_HEADERS } from "@/lib/server/security-headers";
import { REQUEST_PATH_HEADER } from "@/lib/server/request-path";

export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = buildContentSecurityPolicy(nonce, { isDev: process.env.NODE_ENV === "development", isHttps: request.nextUrl.protocol === "https:" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|v1/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/server/security-headers";

const nextConfig: NextConfig = {
  // Native and engine-backed packages stay in node_modules instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/client", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "protobufjs"],
  poweredByHeader: false,
  // Every answer, pages or API: no MIME sniffing, no referrer beyond our origin, never framed (pages
  // also get their nonce-based CSP from proxy.ts).
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
  // Browsers ask for /favicon.ico whatever the page links; serve the app icon instead of a 404.
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
  // `next dev` blocks client assets for origins other than localhost; 127.0.0.1 is how most people open it.
  allowedDevOrigins: ["127.0.0.1"],
};

export default nextConfig;

import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and engine-backed packages stay in node_modules instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/client", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "protobufjs"],
  poweredByHeader: false,
  // Browsers ask for /favicon.ico whatever the page links; serve the app icon instead of a 404.
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
  // `next dev` blocks client assets for origins other than localhost; 127.0.0.1 is how most people open it.
  allowedDevOrigins: ["127.0.0.1"],
};

export default nextConfig;

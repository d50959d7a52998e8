import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and engine-backed packages stay in node_modules instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/client", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "protobufjs"],
  poweredByHeader: false,
  // `npm test` runs tsc and ESLint over the whole repo; skipping them here keeps `npm start` quick.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;

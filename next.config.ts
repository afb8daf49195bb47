import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    // Large enough that an oversized story reaches our own validation (and its clear message)
    // instead of failing inside the framework.
    serverActions: { bodySizeLimit: "12mb" },
  },
};

export default nextConfig;

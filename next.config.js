// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets parallel builds (e.g. two checkouts' test runs) keep separate outputs; default .next.
  distDir: process.env.SPIRE_CONSOLE_DIST_DIR || ".next",
  // The production server is .next/standalone/server.js with only the files it needs: what the
  // Dockerfile copies into the image (`next start` keeps working, with a warning).
  output: "standalone",
  // gRPC and the Kubernetes client are Node-only and must never be bundled for the browser;
  // prom-client is loaded once from node_modules so every route shares its registry.
  serverExternalPackages: ["@grpc/grpc-js", "@grpc/proto-loader", "@kubernetes/client-node", "prom-client"],
  // The gRPC client loads proto/ at run time; ship it with every server route.
  outputFileTracingIncludes: { "/**": ["./proto/**/*.proto"] },
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` on the same tree just before it builds: it sets this to spare the build a
  // second type check (about 25 s on 2 cores). Every other build checks the types.
  typescript: { ignoreBuildErrors: process.env.SPIRE_CONSOLE_BUILD_TYPES_CHECKED === "1" },
  // forbidden() renders app/forbidden.tsx with status 403 for pages a user's roles do not allow.
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  // The Kubernetes routes were /api/k8s/* before `k8s` came to mean the adapter only: old URLs keep working.
  async rewrites() {
    return [{ source: "/api/k8s/:path*", destination: "/api/kubernetes/:path*" }];
  },
};

export default nextConfig;

import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { apiSecurityHeaders, commonSecurityHeaders } from "./lib/http/security-headers";

/** Headers in next.config's form, all of them or the `only` ones. */
const asNextHeaders = (headers: Record<string, string>, only: readonly string[] = Object.keys(headers)) =>
  only.map((key) => ({ key, value: headers[key]! }));

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  // The catalogs' ICU messages are compiled at build time, so the browser formats them with next-intl's small runtime
  // instead of shipping the ICU parser (about 9 kB of gzipped JS on every page).
  experimental: { messages: { path: "./messages", format: "json", locales: ["en", "zh-CN"], sourceLocale: "en", precompile: true } },
});

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // A self-contained server (.next/standalone/server.js) with only the node_modules it needs: what the image ships.
  output: "standalone",
  // GET /api/ready compares the applied migrations with the shipped ones; nothing imports these files, so tracing would
  // miss them: the standalone build carries both providers' migration folders along.
  outputFileTracingIncludes: {
    "/api/ready": ["./prisma/sqlite/migrations/**/*", "./prisma/postgres/migrations/**/*"],
  },
  poweredByHeader: false,
  // Loaded from node_modules at run time rather than bundled: native addons, and undici (the SWR client's HTTP).
  serverExternalPackages: ["@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "better-sqlite3", "pg", "undici"],
  experimental: {
    // forbidden() and forbidden.tsx: admin pages answer a signed-in non-admin with 403 and a page that says why.
    authInterrupts: true,
    // Next copies the bodies of the requests proxy.ts matches (next-auth's and API addresses with a percent-escape); no
    // route takes more than 8 MiB (lib/http/request-limits.ts).
    proxyClientMaxBodySize: 8 * 1024 * 1024 + 1,
  },
  async headers() {
    // Built files and assets, which proxy.ts does not match; it sets these and the rest (CSP, HSTS, …) on pages.
    // API routes set theirs themselves; this gives the same to the answers Next makes itself under /api (an unknown
    // address, a method the route lacks). HSTS depends on NEXTAUTH_URL at run time, so the routes set it.
    return [
      {
        source: "/:path*",
        headers: asNextHeaders(commonSecurityHeaders(), ["X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"]),
      },
      { source: "/api/:path*", headers: asNextHeaders(apiSecurityHeaders()) },
    ];
  },
};

export default withNextIntl(nextConfig);

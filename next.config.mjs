import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  // The catalogs' ICU messages are compiled at build time, so the browser formats them with next-intl's small runtime
  // instead of shipping the ICU parser (about 9 kB of gzipped JS on every page).
  experimental: { messages: { path: "./messages", format: "json", locales: ["en", "zh-CN"], sourceLocale: "en", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A self-contained server (.next/standalone/server.js) with only the node_modules it needs: what the image ships.
  output: "standalone",
  // GET /api/ready compares the applied migrations with the shipped ones; nothing imports these files, so tracing would
  // miss them: the standalone build carries both providers' migration folders along.
  outputFileTracingIncludes: {
    "/api/ready": ["./prisma/sqlite/migrations/**/*", "./prisma/postgres/migrations/**/*"],
  },
  poweredByHeader: false,
  serverExternalPackages: ["@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "better-sqlite3", "pg"],
  experimental: {
    // forbidden() and forbidden.tsx: admin pages answer a signed-in non-admin with 403 and a page that says why.
    authInterrupts: true,
    // proxy.ts matches API routes, so Next copies their bodies for it; no route takes more than 8 MiB (lib/http/request-limits.ts).
    proxyClientMaxBodySize: 8 * 1024 * 1024 + 1,
  },
  async headers() {
    // Built files and assets, which proxy.ts does not match; it sets these and the rest (CSP, HSTS, …) on pages and API routes.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);

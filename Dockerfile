# syntax=docker/dockerfile:1
# SWR Sync: the standalone Next server on Node 20. Targets:
#   runtime (default)  the app: node server.js as a non-root user, with a health check
#   migrate            a one-off: `npm run db:migrate` (Prisma's CLI and the full dependencies), then exits
# Build: docker build -t swr-sync .   and   docker build --target migrate -t swr-sync-migrate .

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1

# All dependencies, as CI installs them. better-sqlite3 compiles when no prebuilt binary fits, hence the tool chain;
# the postinstall step generates the Prisma clients, which needs the schemas and prisma.config.ts with its import.
FROM base AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc prisma.config.ts ./
COPY prisma ./prisma
COPY lib/db/database-url.ts ./lib/db/database-url.ts
RUN npm ci --no-audit --no-fund

# next build with output "standalone"; `npm run build` also copies .next/static into .next/standalone.
FROM deps AS build
COPY . .
RUN npm run build

# docker run --rm -e DATABASE_URL=… swr-sync-migrate   (also: npm run user:create -- --email … --role admin)
FROM deps AS migrate
COPY . .
RUN mkdir -p /app/data && chown node:node /app/data
USER node
CMD ["npm", "run", "db:migrate"]

FROM base AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    NEXT_MANUAL_SIG_HANDLE=true \
    DATABASE_URL=file:/app/data/swr-sync.db
# The traced server, its node_modules (Prisma clients, pg, better-sqlite3's binary) and the built assets; nothing else.
COPY --from=build --chown=node:node /app/.next/standalone ./
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
# SIGTERM: the server stops taking requests, hands its sync jobs to other instances and exits within 10 s.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]

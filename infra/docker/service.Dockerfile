# One image recipe for every Capstan Node app: `--build-arg APP=intake` (or scoring,
# cost-tracking, sequencing, gateway — the gateway image also carries the dashboard).
FROM node:20-bookworm-slim AS build
WORKDIR /src
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG APP
RUN npx nx build "$APP" && if [ "$APP" = gateway ]; then npx nx build dashboard; fi

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
ARG APP
COPY --from=build /src/dist/apps /app/dist/apps
RUN find dist/apps -mindepth 1 -maxdepth 1 ! -name "$APP" ! -name dashboard -exec rm -rf {} + \
 && if [ "$APP" != gateway ]; then rm -rf dist/apps/dashboard; fi
ENV APP=$APP
USER node
# Healthy while its own database and NATS answer (the gateway's: /api/v1/health/ready).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 CMD node -e "const a=process.env.APP,p=process.env[a.toUpperCase().replace(/-/g,'_')+'_PORT']||{gateway:3000,intake:3101,scoring:3102,'cost-tracking':3103,sequencing:3104}[a];fetch('http://127.0.0.1:'+p+(a==='gateway'?'/api/v1/health/ready':'/health')).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Arguments given to the container (e.g. --migrate-only) reach the app.
ENTRYPOINT ["/bin/sh", "-c", "exec node \"dist/apps/$APP/main.js\" \"$@\"", "capstan"]

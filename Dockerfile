# One image (target `runtime`) runs the API, the Temporal worker and the migrations with different
# commands; target `web` is nginx serving the same built web app. See docker-compose.yml.

FROM node:20-bookworm-slim AS base
WORKDIR /app
# Prisma runs on its Wasm/JS engines (prisma.config.ts): pointing these at any existing file keeps
# both its install script and its CLI from downloading native engines.
ENV PRISMA_QUERY_ENGINE_LIBRARY=/app/package.json \
    PRISMA_SCHEMA_ENGINE_BINARY=/app/package.json \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    CHECKPOINT_DISABLE=1

FROM base AS deps
COPY package.json package-lock.json ./
# The client is generated in the build stage, once the schema is there.
RUN PRISMA_SKIP_POSTINSTALL_GENERATE=1 npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npx prisma generate \
 && npx vite build --config web/vite.config.ts

# Vite, React and the other build-only packages stay out of the runtime image.
FROM deps AS prod-deps
RUN npm prune --omit=dev

# The built tree without its full node_modules: the runtime takes the pruned one instead.
FROM build AS source
RUN rm -rf node_modules

FROM base AS runtime
ENV NODE_ENV=production
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=source /app ./
# Files stay root-owned: the app can read its code but not change it.
USER node
EXPOSE 4000
# `node --import tsx` rather than `npx tsx`: one process, so SIGTERM reaches the app's own shutdown.
CMD ["node", "--import", "tsx", "api/main.ts"]

FROM nginx:stable-alpine AS web
COPY --from=build /app/web/dist /usr/share/nginx/html
# Written here rather than mounted: the image is complete on its own and compose needs no config file.
# index.html is revalidated so a deploy is picked up; the hashed files under /assets/ never change.
# Upstream `api` is resolved per request through Docker's DNS, so a restarted (or scaled) api is found.
# X-Forwarded-For is overwritten, not appended: nginx is the edge, and the API trusts this header
# (TRUST_PROXY) for per-IP rate limits, so a client must not be able to supply it.
RUN printf '%s\n' \
  'map $http_upgrade $connection_upgrade { default upgrade; "" close; }' \
  'server {' \
  '  listen 80;' \
  '  server_tokens off;' \
  '  root /usr/share/nginx/html;' \
  '  gzip on;' \
  '  gzip_types text/css application/javascript application/json image/svg+xml;' \
  '  resolver 127.0.0.11 valid=10s ipv6=off;' \
  '  set $api http://api:4000;' \
  '  location / { try_files $uri /index.html; }' \
  '  location = /index.html { add_header Cache-Control "no-cache"; }' \
  '  location /assets/ { add_header Cache-Control "public, max-age=31536000, immutable"; try_files $uri =404; }' \
  '  location ~ ^/(api|webhooks|socket\.io)/ {' \
  '    proxy_pass $api;' \
  '    proxy_http_version 1.1;' \
  '    proxy_set_header Host $http_host;' \
  '    proxy_set_header X-Forwarded-For $remote_addr;' \
  '    proxy_set_header X-Forwarded-Proto $scheme;' \
  '    proxy_set_header Upgrade $http_upgrade;' \
  '    proxy_set_header Connection $connection_upgrade;' \
  '  }' \
  '}' > /etc/nginx/conf.d/default.conf

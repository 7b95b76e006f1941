# Production image for Yishi. Not exercised by CI here (this machine has no Docker engine).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
# The workbench's Vue app (built into dist/web, size-checked by the script).
COPY web ./web
COPY scripts/check-web-size.mjs ./scripts/
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# The heap cap keeps the resident size near 180 MB under load (bench:webhook); uncapped, V8 grows
# the heap lazily to ~350 MB on a host with memory to spare. The live heap stays well below it.
ENV NODE_ENV=production TZ=Asia/Shanghai PORT=3000 NODE_OPTIONS=--max-old-space-size=192
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]

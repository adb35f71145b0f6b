# One image, several roles: docker-compose.yml runs `moviebot migrate|web|bot|worker` from it.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
# Native addons (e.g. hnswlib-node) build with node-gyp.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY bin ./bin
COPY core ./core
COPY bot ./bot
COPY worker ./worker
COPY web-share ./web-share
COPY data ./data
COPY migrations ./migrations
RUN ln -s /app/bin/moviebot /usr/local/bin/moviebot && mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["moviebot", "start"]

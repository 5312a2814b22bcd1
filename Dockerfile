FROM node:20-bookworm-slim
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web
RUN mkdir -p /data && chown node:node /data
ENV PORT=4000 DATA_DIR=/data
EXPOSE 4000
USER node
CMD ["npm", "start"]

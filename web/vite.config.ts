import { defineConfig } from "vite";

// Served under /app/ (CloudFront's /app/* behaviour, the local runner's /app/); hashed file
// names under assets/ may be cached for a year, index.html never.
export default defineConfig({
  base: "/app/",
  build: {
    outDir: "dist",
    assetsDir: "assets",
    target: "es2022",
    sourcemap: false,
  },
});

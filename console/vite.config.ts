/// <reference types="vitest" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// In `npm run dev` the APIs are proxied as in production (one origin); the ports are the
// ones `scripts/up.sh` starts the services and the console server on.
const api = process.env.RANGKUI_CONSOLE_API ?? "http://127.0.0.1:8100";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks: { antd: ["antd"], react: ["react", "react-dom", "react-router-dom"] },
      },
    },
  },
  server: { proxy: { "/api": api, "/config.json": api } },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test-setup.ts"],
    include: ["src/**/*.test.{ts,tsx}", "scripts/**/*.test.mjs"],
    css: false,
  },
});

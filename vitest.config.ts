import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // PGlite instances are heavy (hundreds of MiB each); two workers match this 2-core machine.
    maxWorkers: 2,
  },
});

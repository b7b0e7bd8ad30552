import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.ts"],
    // End-to-end tests start the built CLI several times in one test; on two shared cores in a
    // slow hour a start takes ~7-15 s (a 3-start test hit 22 s against the former 20 s limit, a
    // 4-start one 60 s against the next). The limit guards against hangs, not for speed.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // PGlite instances are heavy (hundreds of MiB each); two workers match this 2-core machine.
    maxWorkers: 2,
  },
});

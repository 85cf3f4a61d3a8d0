import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // End-to-end tests spawn the built binary and a real kubectl; give them room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Summary reporter ends with pass/fail counts; CI output stays readable.
    reporters: ['default'],
  },
});

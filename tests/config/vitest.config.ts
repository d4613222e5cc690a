import { defineConfig } from 'vitest/config';

// Unit tests of src/lib and the ingest. They need no build: nothing here imports astro:content.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/unit/**/*.test.ts'],
    // Some tests run the ingest CLI in child processes, slow on a loaded machine.
    testTimeout: 60_000,
  },
});

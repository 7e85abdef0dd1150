import { defineConfig } from 'vitest/config';

// `npm run test:reliability` (CI): crash, bad-input and project-file tests (API fuzzing runs in `npm test`). They kill child
// processes, fill disks and write large files, so they run one file at a time.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/reliability/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});

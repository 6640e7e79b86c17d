// End-to-end tests of the extension in headless Debian Chromium (see ../shared/RECIPES.md). The
// global setup builds the test variant of the extension (build/extension-test/) from build/wasm.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.mjs',
  globalSetup: './global_setup.mjs',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  outputDir: '../../build/e2e-results',
  use: { headless: true },
});

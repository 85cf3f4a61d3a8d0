// Ink reads CI once, when it is first loaded, and under CI (as `.ci/run`
// sets it) writes no frames at all. These tests watch the frames Ink writes,
// as podtui sees them (src/app/runUi.ts drops CI before it loads Ink), so
// this module is imported before Ink and unsets CI until the tests start.
import { beforeAll } from 'vitest';

const saved = { CI: process.env.CI, CONTINUOUS_INTEGRATION: process.env.CONTINUOUS_INTEGRATION };
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;

beforeAll(() => {
  // Ink has been loaded by now; other tests in this worker see CI as it was.
  for (const [key, value] of Object.entries(saved)) if (value !== undefined) process.env[key] = value;
});

// Where the project's built entry is, from wherever this file runs: the
// compiled dist/bench/ (npm run bench) or src/bench/ (vitest). Both sit two
// folders below the project root.
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PODTUI_BIN = fileURLToPath(new URL('../../bin/podtui.js', import.meta.url));

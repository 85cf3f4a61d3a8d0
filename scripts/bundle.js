// Second half of `npm run build`: tsc has compiled src/ into dist/; this joins
// the program's runtime (dist/main.js, Ink, React, yoga, date-fns, js-yaml)
// into dist/podtui.js and a few chunks under dist/chunks/, which
// bin/podtui.js runs.
//
// Why: loading ~300 compiled files plus Ink's and React's own (each one
// resolved, read, compiled and linked as an ES module, CommonJS ones
// lexed for their exports first) took about half a second of the CPU at
// every start. A bundle loads a dozen files. dist/main.js and the rest of
// dist/ stay as tsc wrote them, for the benchmark (dist/bench/) and anyone
// who wants to read them.
//
// Dynamic imports stay dynamic, each its own chunk: `podtui --version` and
// `podtui sim` load no Ink, and the UI still loads Ink only after runUi has
// settled the environment it reads at import time (CI, FORCE_COLOR).
// The build fails if the entry would load Ink or React eagerly.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Not bundled: client-node is loaded only for exec and auth-provider
 * credentials and proxies (src/kube/credentials.ts) and is a dependency, so
 * it resolves from node_modules; react-devtools-core is Ink's optional
 * debugging aid, imported only when DEV=true and not installed.
 */
const EXTERNAL = ['@kubernetes/client-node', 'react-devtools-core'];

/**
 * Ink's text measurement and wrapping, replaced by podtui's own with bounded
 * memos (src/ui/inkText/measureText.ts says why). Ink 6.8 imports them by
 * these relative paths from its build/ folder.
 */
const INK_TEXT_MODULES = new Map([
  ['./measure-text.js', `${root}dist/ui/inkText/measureText.js`],
  ['./wrap-text.js', `${root}dist/ui/inkText/wrapText.js`],
]);
const replacedInkModules = new Set();
const boundedInkTextCaches = {
  name: 'bounded-ink-text-caches',
  resolveId(source, importer) {
    const replacement = INK_TEXT_MODULES.get(source);
    if (replacement === undefined || importer === undefined || !importer.replaceAll('\\', '/').includes('node_modules/ink/build/')) return null;
    replacedInkModules.add(source);
    return replacement;
  },
};

/** Packages the entry chunk must not pull in statically (see runUi.ts, loadScreen). */
const LOADED_LATE = ['node_modules/ink/', 'node_modules/react/', 'node_modules/react-reconciler/', 'node_modules/yoga-layout/'];

// Chunk names carry a content hash: old ones would pile up without this.
await rm(`${root}dist/chunks`, { recursive: true, force: true });

const bundle = await rolldown({
  input: `${root}dist/main.js`,
  cwd: root,
  platform: 'node',
  external: EXTERNAL,
  plugins: [boundedInkTextCaches],
  // runUi runs React in production anyway (its development build renders
  // about twice as slowly); saying so here leaves React's and the
  // reconciler's development builds out: ~0.6 MB less to compile at start-up.
  transform: { define: { 'process.env.NODE_ENV': JSON.stringify('production') } },
  logLevel: 'warn',
});
const { output } = await bundle.write({
  dir: `${root}dist`,
  format: 'esm',
  entryFileNames: 'podtui.js',
  chunkFileNames: 'chunks/[name]-[hash].js',
});
await bundle.close();

// A newer Ink may have moved or bounded these itself: then this plugin is due a look, not a silent no-op.
const missed = [...INK_TEXT_MODULES.keys()].filter((source) => !replacedInkModules.has(source));
if (missed.length > 0) {
  process.stderr.write(`bundle: Ink no longer imports ${missed.join(', ')}; see INK_TEXT_MODULES in scripts/bundle.js\n`);
  process.exit(1);
}

/** Every module that loads with `fileName`, through static imports. */
function staticModules(fileName, chunks, seen = new Set()) {
  if (seen.has(fileName)) return [];
  seen.add(fileName);
  const chunk = chunks.get(fileName);
  if (!chunk) return [];
  return [...chunk.moduleIds, ...chunk.imports.flatMap((imported) => staticModules(imported, chunks, seen))];
}

const chunks = new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
const eager = staticModules('podtui.js', chunks).filter((id) => LOADED_LATE.some((late) => id.replaceAll('\\', '/').includes(late)));
if (eager.length > 0) {
  process.stderr.write(`bundle: the entry loads these at start-up, before runUi can prepare for them:\n  ${eager.slice(0, 5).join('\n  ')}\n`);
  process.exit(1);
}

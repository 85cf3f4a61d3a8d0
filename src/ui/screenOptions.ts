// How podtui asks Ink to draw the screen, shared by src/app (the real
// terminal) and the tests that check what a terminal shows.
//
// Only changed lines are written (incrementalRendering): over SSH the bytes
// are the cost. Frames are at most 60 a second: the cluster's own redraws are
// already held to 5 a second (src/app/throttledStore.ts) and mostly skipped
// when nothing drawn changed (clusterFrame.ts), so this limit is what a key
// waits for when it comes soon after the previous frame. Measured under a
// 10,000-pod storm with keys pressed 10 ms after each answer (typing fast, a
// held key): key latency p50/p95 45–65/83–88 ms at 20, 43/67 ms at 30,
// 19–21/35–47 ms at 60; with 60 ms between keys all three read the same.
export const SCREEN_RENDER_OPTIONS = { incrementalRendering: true, maxFps: 60 } as const;

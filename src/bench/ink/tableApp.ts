// A stand-in for podtui's screen, for measuring Ink 6's own output cost: a
// 39-line, 120-column pod table in which two rows change `updates` times a
// second. Run in a pty by inkOutput.ts with each rendering option.
import { parseArgs } from 'node:util';
import { Box, Text, render } from 'ink';
import React, { useEffect, useState } from 'react';

const { values } = parseArgs({
  options: {
    incremental: { type: 'string', default: '1' },
    fps: { type: 'string', default: '30' },
    updates: { type: 'string', default: '20' },
  },
});

const ROWS = 39;
const STATUSES = ['Running', 'CrashLoopBackOff', 'Error', 'ContainerCreating', 'Terminating'];
const row = (i: number, tick: number) => {
  const status = STATUSES[(i + tick) % STATUSES.length]!;
  return `team-${String(i % 50).padStart(2, '0')}   web-7d4b9c8f5-${String(i).padStart(5, '0')}   1/1   ${status.padEnd(18)}${String(tick % 9)} (${tick % 60}s ago)   ${
    10 + (i % 50)
  }m   10.244.${i % 250}.${(i * 7) % 250}`.padEnd(119);
};

function Table(): React.ReactElement {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 1000 / Number(values.updates));
    return () => clearInterval(timer);
  }, []);
  // Two rows change each tick; the rest stay as they were.
  const changing = [tick % ROWS, (tick * 7 + 3) % ROWS];
  return React.createElement(
    Box,
    { flexDirection: 'column' },
    ...Array.from({ length: ROWS }, (_, i) =>
      React.createElement(Text, { key: i, inverse: i === 0 }, row(i, changing.includes(i) ? tick : 0)),
    ),
  );
}

render(React.createElement(Table), { incrementalRendering: values.incremental === '1', maxFps: Number(values.fps), exitOnCtrlC: true });

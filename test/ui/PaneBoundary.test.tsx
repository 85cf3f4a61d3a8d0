import { Box, Text } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { PaneBoundary } from '../../src/ui/PaneBoundary.js';
import { renderAt, settle, unmountAll } from './renderAt.js';

afterEach(unmountAll);

/** Draws a pod's name, or fails the way a pane meeting an unexpected pod would. */
function PodName({ name }: { name: string }) {
  if (name.startsWith('weird')) throw new TypeError("Cannot read properties of undefined (reading 'terminated')");
  return <Text>{name}</Text>;
}

function Screen({ name }: { name: string }) {
  return (
    <Box flexDirection="column">
      <Text>NAME READY STATUS</Text>
      <PaneBoundary name="conditions" resetKey={name} width={80} height={2} ascii={false}>
        <PodName name={name} />
      </PaneBoundary>
      <Text>status bar</Text>
    </Box>
  );
}

describe('PaneBoundary', () => {
  it('says the pane failed, keeps the rest of the screen, and tries again for another pod', async () => {
    const screen = renderAt(<Screen name="crashloop-6f9c7-x2kqp" />, 80, 24);
    await settle();
    expect(screen.lastFrame()).toContain('crashloop-6f9c7-x2kqp');
    screen.rerender(<Screen name="weird-0" />);
    await settle();
    const failed = screen.lastFrame();
    expect(failed).toContain('The conditions pane could not be drawn: Cannot read properties of undefined');
    expect(failed).toContain('NAME READY STATUS');
    expect(failed).toContain('status bar');
    screen.rerender(<Screen name="healthy-7d4b9-abcde" />);
    await settle();
    expect(screen.lastFrame()).toContain('healthy-7d4b9-abcde');
    expect(screen.lastFrame()).not.toContain('could not be drawn');
  });
});

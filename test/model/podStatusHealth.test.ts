import { describe, expect, it } from 'vitest';
import { statusHealth } from '../../src/model/statusHealth.js';
import type { Health } from '../../src/model/views.js';

// Health is read from the STATUS word kubectl prints plus the READY counts.
describe('statusHealth', () => {
  it.each<[string, number, number, Health]>([
    ['Running', 2, 2, 'healthy'],
    ['Running', 1, 2, 'progressing'],
    ['Running', 0, 1, 'progressing'],
    ['Completed', 0, 1, 'finished'],
    ['Succeeded', 0, 1, 'finished'],
    ['Pending', 0, 1, 'progressing'],
    ['ContainerCreating', 0, 1, 'progressing'],
    ['PodInitializing', 0, 1, 'progressing'],
    ['Init:0/2', 0, 1, 'progressing'],
    ['Init:12/13', 0, 1, 'progressing'],
    ['NotReady', 1, 2, 'progressing'],
    ['Terminating', 1, 1, 'progressing'],
    ['SchedulingGated', 0, 1, 'progressing'],
    ['', 0, 1, 'progressing'],
    ['CrashLoopBackOff', 0, 1, 'failing'],
    ['Error', 0, 1, 'failing'],
    ['OOMKilled', 0, 1, 'failing'],
    ['ImagePullBackOff', 0, 1, 'failing'],
    ['ErrImagePull', 0, 1, 'failing'],
    ['Evicted', 0, 1, 'failing'],
    ['Init:Error', 0, 1, 'failing'],
    ['Init:CrashLoopBackOff', 0, 1, 'failing'],
    ['Init:Signal:9', 0, 1, 'failing'],
    ['Init:ExitCode:3', 0, 1, 'failing'],
    ['Signal:9', 0, 1, 'failing'],
    ['ExitCode:2', 0, 1, 'failing'],
    ['CreateContainerConfigError', 0, 1, 'failing'],
    ['ContainerStatusUnknown', 0, 1, 'failing'],
    ['Unknown', 1, 1, 'failing'],
    ['NodeLost', 0, 1, 'failing'],
    ['Failed', 0, 1, 'failing'],
  ])('%j with %i/%i ready → %s', (status, ready, total, health) => {
    expect(statusHealth(status, ready, total)).toBe(health);
  });
});

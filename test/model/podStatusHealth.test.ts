import { describe, expect, it } from 'vitest';
import { statusHealth } from '../../src/model/statusHealth.js';
import type { Health } from '../../src/model/views.js';

// Health is read from the STATUS word kubectl prints, the READY counts and the pod's Ready condition.
describe('statusHealth', () => {
  it.each<[string, number, number, boolean, Health]>([
    // READY counts say all ready but the Ready condition is not True: node lost, or readiness gates unmet.
    ['Running', 1, 1, false, 'progressing'],
    ['Running', 0, 1, false, 'progressing'],
    ['Running', 2, 2, true, 'healthy'],
    ['Running', 1, 2, true, 'progressing'],
    ['Running', 0, 1, true, 'progressing'],
    ['Completed', 0, 1, true, 'finished'],
    ['Succeeded', 0, 1, true, 'finished'],
    ['Pending', 0, 1, true, 'progressing'],
    ['ContainerCreating', 0, 1, true, 'progressing'],
    ['PodInitializing', 0, 1, true, 'progressing'],
    ['Init:0/2', 0, 1, true, 'progressing'],
    ['Init:12/13', 0, 1, true, 'progressing'],
    ['NotReady', 1, 2, true, 'progressing'],
    ['Terminating', 1, 1, true, 'progressing'],
    ['SchedulingGated', 0, 1, true, 'progressing'],
    ['', 0, 1, true, 'progressing'],
    ['CrashLoopBackOff', 0, 1, true, 'failing'],
    ['Error', 0, 1, true, 'failing'],
    ['OOMKilled', 0, 1, true, 'failing'],
    ['ImagePullBackOff', 0, 1, true, 'failing'],
    ['ErrImagePull', 0, 1, true, 'failing'],
    ['Evicted', 0, 1, true, 'failing'],
    ['Init:Error', 0, 1, true, 'failing'],
    ['Init:CrashLoopBackOff', 0, 1, true, 'failing'],
    ['Init:Signal:9', 0, 1, true, 'failing'],
    ['Init:ExitCode:3', 0, 1, true, 'failing'],
    ['Signal:9', 0, 1, true, 'failing'],
    ['ExitCode:2', 0, 1, true, 'failing'],
    ['CreateContainerConfigError', 0, 1, true, 'failing'],
    ['ContainerStatusUnknown', 0, 1, true, 'failing'],
    ['Unknown', 1, 1, true, 'failing'],
    ['NodeLost', 0, 1, true, 'failing'],
    ['Failed', 0, 1, true, 'failing'],
  ])('%j with %i/%i ready, pod Ready %s → %s', (status, ready, total, podReady, health) => {
    expect(statusHealth(status, ready, total, podReady)).toBe(health);
  });
});

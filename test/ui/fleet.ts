// Many pods of one Deployment as the watch delivers them: each one created,
// scheduled, pulled and Running and Ready, with its own uid and resource
// versions, so tests can change any of them afterwards through its history.
import { PodHistory, pullAndStart, running, scheduleAndCreate } from '../model/fixtures/history.js';

/** Pods api-6f9c7-00000, api-6f9c7-00001, … (name order is creation order). */
export function fleet(count: number): PodHistory[] {
  return Array.from({ length: count }, (_, i) => {
    const suffix = String(i).padStart(5, '0');
    const h = new PodHistory(`api-6f9c7-${suffix}`, { uid: `7c1e9a52-3f0b-4d8e-9a51-2b6f0c4${suffix}`, rvStart: 10_000 * (i + 1) });
    h.created();
    scheduleAndCreate(h);
    pullAndStart(h, 3, true);
    running(h, 3, 0);
    return h;
  });
}

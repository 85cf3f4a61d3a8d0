// Every scenario, played on a VirtualClock with a seeded random source: the
// exact sequence of pod writes (phase | conditions | containers: state, last
// state, restartCount, ready) and Events (type, reason, [container], message,
// count) it produces, as a real cluster would write them. Read a table as a
// `kubectl get pod -w` plus `kubectl get events -w` of the scenario's pods.
//
// Columns: seconds since start, pod number (#1 = first pod of the scenario),
// then either `PHASE[/reason][ deleting] | conditions | containers` where
// conditions are Sched (PodScheduled), Sandbox (PodReadyToStartContainers),
// Init (Initialized), Ready, CReady (ContainersReady), Disruption
// (DisruptionTarget) as T/F/U with the reason when not True, and containers
// `name=state [last=state] r=restartCount [ready]` (init: marks init
// containers); or `TYPE Reason [container]: message xCOUNT` for an Event.
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/sim/clock.js';
import { createEmulator } from '../../../src/sim/emulator.js';
import { startScenarios } from '../../../src/sim/scenarios/index.js';
import { seededRandom } from '../../../src/sim/scenarios/random.js';
import { record } from './recording.js';

const table = (text: string) => text.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');

interface Story {
  scenario: string;
  /** How long to play it (virtual seconds). */
  seconds: number;
  story: string;
}

const STORIES: Story[] = [
  {
    scenario: 'healthy',
    seconds: 8,
    story: `
   0s #1 ADDED Pending |  |
   0s #2 ADDED Pending |  |
   0s #3 ADDED Pending |  |
   0s #1 Pending | Sched=T |
   0s #1 Normal Scheduled: Successfully assigned demo/POD to node-1
   0s #2 Pending | Sched=T |
   0s #2 Normal Scheduled: Successfully assigned demo/POD to node-2
   0s #3 Pending | Sched=T |
   0s #3 Normal Scheduled: Successfully assigned demo/POD to node-3
   1s #1 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | nginx=waiting:ContainerCreating r=0
   1s #2 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | nginx=waiting:ContainerCreating r=0
   1s #3 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | nginx=waiting:ContainerCreating r=0
   2s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | nginx=waiting:ContainerCreating r=0
   2s #1 Normal Pulling [nginx]: Pulling image "nginx:1.27.3"
   2s #2 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | nginx=waiting:ContainerCreating r=0
   2s #2 Normal Pulling [nginx]: Pulling image "nginx:1.27.3"
   2s #3 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | nginx=waiting:ContainerCreating r=0
   2s #3 Normal Pulling [nginx]: Pulling image "nginx:1.27.3"
   4s #1 Normal Pulled [nginx]: Successfully pulled image "nginx:1.27.3" in 2.3s (2.3s including waiting). Image size: 72955450 bytes.
   4s #1 Normal Created [nginx]: Created container: nginx
   4s #1 Normal Started [nginx]: Started container nginx
   4s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | nginx=running r=0
   4s #2 Normal Pulled [nginx]: Successfully pulled image "nginx:1.27.3" in 2.3s (2.3s including waiting). Image size: 72955450 bytes.
   4s #2 Normal Created [nginx]: Created container: nginx
   4s #2 Normal Started [nginx]: Started container nginx
   4s #2 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | nginx=running r=0
   4s #3 Normal Pulled [nginx]: Successfully pulled image "nginx:1.27.3" in 2.3s (2.3s including waiting). Image size: 72955450 bytes.
   4s #3 Normal Created [nginx]: Created container: nginx
   4s #3 Normal Started [nginx]: Started container nginx
   4s #3 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | nginx=running r=0
   6s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | nginx=running r=0 ready
   6s #2 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | nginx=running r=0 ready
   6s #3 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | nginx=running r=0 ready
`,
  },
  {
    scenario: 'crashloop',
    seconds: 100,
    story: `
   0s #1 ADDED Pending |  |
   0s #1 Pending | Sched=T |
   0s #1 Normal Scheduled: Successfully assigned demo/POD to node-1
   1s #1 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | app=waiting:ContainerCreating r=0
   2s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | app=waiting:ContainerCreating r=0
   2s #1 Normal Pulling [app]: Pulling image "ghcr.io/acme/payments-worker:3.2.0"
   4s #1 Normal Pulled [app]: Successfully pulled image "ghcr.io/acme/payments-worker:3.2.0" in 1.8s (1.8s including waiting). Image size: 61020331 bytes.
   4s #1 Normal Created [app]: Created container: app
   4s #1 Normal Started [app]: Started container app
   4s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | app=running r=0 ready
   8s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | app=terminated:Error(1) r=0
   9s #1 Normal Pulled [app]: Container image "ghcr.io/acme/payments-worker:3.2.0" already present on machine
   9s #1 Normal Created [app]: Created container: app x2
   9s #1 Normal Started [app]: Started container app x2
   9s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | app=running last=terminated:Error(1) r=1 ready
  13s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | app=terminated:Error(1) last=terminated:Error(1) r=1
  14s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | app=waiting:CrashLoopBackOff(back-off 10s) last=terminated:Error(1) r=1
  14s #1 Warning BackOff [app]: Back-off restarting failed container app in pod POD_demo(UID)
  23s #1 Normal Pulled [app]: Container image "ghcr.io/acme/payments-worker:3.2.0" already present on machine x2
  23s #1 Normal Created [app]: Created container: app x3
  23s #1 Normal Started [app]: Started container app x3
  23s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | app=running last=terminated:Error(1) r=2 ready
  27s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | app=terminated:Error(1) last=terminated:Error(1) r=2
  28s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | app=waiting:CrashLoopBackOff(back-off 20s) last=terminated:Error(1) r=2
  28s #1 Warning BackOff [app]: Back-off restarting failed container app in pod POD_demo(UID) x2
  38s #1 Warning BackOff [app]: Back-off restarting failed container app in pod POD_demo(UID) x3
  47s #1 Normal Pulled [app]: Container image "ghcr.io/acme/payments-worker:3.2.0" already present on machine x3
  47s #1 Normal Created [app]: Created container: app x4
  47s #1 Normal Started [app]: Started container app x4
  47s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | app=running last=terminated:Error(1) r=3 ready
  51s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | app=terminated:Error(1) last=terminated:Error(1) r=3
  52s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | app=waiting:CrashLoopBackOff(back-off 40s) last=terminated:Error(1) r=3
  52s #1 Warning BackOff [app]: Back-off restarting failed container app in pod POD_demo(UID) x4
  62s #1 Warning BackOff [app]: Back-off restarting failed container app in pod POD_demo(UID) x5
  72s #1 Warning BackOff [app]: Back-off restarting failed container app in pod POD_demo(UID) x6
  82s #1 Warning BackOff [app]: Back-off restarting failed container app in pod POD_demo(UID) x7
  91s #1 Normal Pulled [app]: Container image "ghcr.io/acme/payments-worker:3.2.0" already present on machine x4
  91s #1 Normal Created [app]: Created container: app x5
  91s #1 Normal Started [app]: Started container app x5
  91s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | app=running last=terminated:Error(1) r=4 ready
  95s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | app=terminated:Error(1) last=terminated:Error(1) r=4
  96s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | app=waiting:CrashLoopBackOff(back-off 1m20s) last=terminated:Error(1) r=4
  96s #1 Warning BackOff [app]: Back-off restarting failed container app in pod POD_demo(UID) x8
`,
  },
  {
    scenario: 'liveness',
    seconds: 95,
    story: `
   0s #1 ADDED Pending |  |
   0s #1 Pending | Sched=T |
   0s #1 Normal Scheduled: Successfully assigned demo/POD to node-1
   1s #1 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | api=waiting:ContainerCreating r=0
   2s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | api=waiting:ContainerCreating r=0
   2s #1 Normal Pulling [api]: Pulling image "ghcr.io/acme/inventory-api:2.0.1"
   5s #1 Normal Pulled [api]: Successfully pulled image "ghcr.io/acme/inventory-api:2.0.1" in 2.6s (2.6s including waiting). Image size: 84117204 bytes.
   5s #1 Normal Created [api]: Created container: api
   5s #1 Normal Started [api]: Started container api
   5s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | api=running r=0 ready
  25s #1 Warning Unhealthy [api]: Liveness probe failed: HTTP probe failed with statuscode: 500
  30s #1 Warning Unhealthy [api]: Liveness probe failed: HTTP probe failed with statuscode: 500 x2
  35s #1 Warning Unhealthy [api]: Liveness probe failed: HTTP probe failed with statuscode: 500 x3
  35s #1 Normal Killing [api]: Container api failed liveness probe, will be restarted
  45s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | api=terminated:Error(137) r=0
  46s #1 Normal Pulled [api]: Container image "ghcr.io/acme/inventory-api:2.0.1" already present on machine
  46s #1 Normal Created [api]: Created container: api x2
  46s #1 Normal Started [api]: Started container api x2
  46s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | api=running last=terminated:Error(137) r=1 ready
  61s #1 Warning Unhealthy [api]: Liveness probe failed: HTTP probe failed with statuscode: 500 x4
  66s #1 Warning Unhealthy [api]: Liveness probe failed: HTTP probe failed with statuscode: 500 x5
  71s #1 Warning Unhealthy [api]: Liveness probe failed: HTTP probe failed with statuscode: 500 x6
  71s #1 Normal Killing [api]: Container api failed liveness probe, will be restarted x2
  81s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | api=terminated:Error(137) last=terminated:Error(137) r=1
  82s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | api=waiting:CrashLoopBackOff(back-off 10s) last=terminated:Error(137) r=1
  82s #1 Warning BackOff [api]: Back-off restarting failed container api in pod POD_demo(UID)
  91s #1 Normal Pulled [api]: Container image "ghcr.io/acme/inventory-api:2.0.1" already present on machine x2
  91s #1 Normal Created [api]: Created container: api x3
  91s #1 Normal Started [api]: Started container api x3
  91s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | api=running last=terminated:Error(137) r=2 ready
`,
  },
  {
    scenario: 'readiness',
    seconds: 130,
    story: `
   0s #1 ADDED Pending |  |
   0s #1 Pending | Sched=T |
   0s #1 Normal Scheduled: Successfully assigned demo/POD to node-1
   1s #1 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | search=waiting:ContainerCreating r=0
   2s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | search=waiting:ContainerCreating r=0
   2s #1 Normal Pulling [search]: Pulling image "ghcr.io/acme/search-api:5.1.0"
   5s #1 Normal Pulled [search]: Successfully pulled image "ghcr.io/acme/search-api:5.1.0" in 3.1s (3.1s including waiting). Image size: 118332907 bytes.
   5s #1 Normal Created [search]: Created container: search
   5s #1 Normal Started [search]: Started container search
   5s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | search=running r=0
   6s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | search=running r=0 ready
  46s #1 Warning Unhealthy [search]: Readiness probe failed: HTTP probe failed with statuscode: 503
  51s #1 Warning Unhealthy [search]: Readiness probe failed: HTTP probe failed with statuscode: 503 x2
  51s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | search=running r=0
  56s #1 Warning Unhealthy [search]: Readiness probe failed: HTTP probe failed with statuscode: 503 x3
  61s #1 Warning Unhealthy [search]: Readiness probe failed: HTTP probe failed with statuscode: 503 x4
  66s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | search=running r=0 ready
 106s #1 Warning Unhealthy [search]: Readiness probe failed: HTTP probe failed with statuscode: 503 x5
 111s #1 Warning Unhealthy [search]: Readiness probe failed: HTTP probe failed with statuscode: 503 x6
 111s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | search=running r=0
 116s #1 Warning Unhealthy [search]: Readiness probe failed: HTTP probe failed with statuscode: 503 x7
 121s #1 Warning Unhealthy [search]: Readiness probe failed: HTTP probe failed with statuscode: 503 x8
 126s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | search=running r=0 ready
`,
  },
  {
    scenario: 'poststart-hook',
    seconds: 45,
    story: `
   0s #1 ADDED Pending |  |
   0s #1 Pending | Sched=T |
   0s #1 Normal Scheduled: Successfully assigned demo/POD to node-1
   1s #1 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | cache=waiting:ContainerCreating r=0
   2s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | cache=waiting:ContainerCreating r=0
   2s #1 Normal Pulling [cache]: Pulling image "ghcr.io/acme/cache-warmer:1.3.0"
   3s #1 Normal Pulled [cache]: Successfully pulled image "ghcr.io/acme/cache-warmer:1.3.0" in 1.4s (1.4s including waiting). Image size: 40554120 bytes.
   3s #1 Normal Created [cache]: Created container: cache
   3s #1 Normal Started [cache]: Started container cache
   5s #1 Warning FailedPostStartHook [cache]: PostStartHook failed
   5s #1 Normal Killing [cache]: FailedPostStartHook
   6s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | cache=terminated:Error(143) r=0
   7s #1 Normal Pulled [cache]: Container image "ghcr.io/acme/cache-warmer:1.3.0" already present on machine
   7s #1 Normal Created [cache]: Created container: cache x2
   7s #1 Normal Started [cache]: Started container cache x2
   9s #1 Warning FailedPostStartHook [cache]: PostStartHook failed x2
   9s #1 Normal Killing [cache]: FailedPostStartHook x2
   9s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | cache=terminated:Error(143) last=terminated:Error(143) r=1
  10s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | cache=waiting:CrashLoopBackOff(back-off 10s) last=terminated:Error(143) r=1
  10s #1 Warning BackOff [cache]: Back-off restarting failed container cache in pod POD_demo(UID)
  19s #1 Normal Pulled [cache]: Container image "ghcr.io/acme/cache-warmer:1.3.0" already present on machine x2
  19s #1 Normal Created [cache]: Created container: cache x3
  19s #1 Normal Started [cache]: Started container cache x3
  21s #1 Warning FailedPostStartHook [cache]: PostStartHook failed x3
  21s #1 Normal Killing [cache]: FailedPostStartHook x3
  21s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | cache=terminated:Error(143) last=terminated:Error(143) r=2
  22s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | cache=waiting:CrashLoopBackOff(back-off 20s) last=terminated:Error(143) r=2
  22s #1 Warning BackOff [cache]: Back-off restarting failed container cache in pod POD_demo(UID) x2
  32s #1 Warning BackOff [cache]: Back-off restarting failed container cache in pod POD_demo(UID) x3
  41s #1 Normal Pulled [cache]: Container image "ghcr.io/acme/cache-warmer:1.3.0" already present on machine x3
  41s #1 Normal Created [cache]: Created container: cache x4
  41s #1 Normal Started [cache]: Started container cache x4
  43s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | cache=running last=terminated:Error(143) r=3 ready
`,
  },
  {
    scenario: 'prestop-hook',
    seconds: 70,
    story: `
   0s #1 ADDED Pending |  |
   0s #1 Pending | Sched=T |
   0s #1 Normal Scheduled: Successfully assigned demo/POD to node-1
   1s #1 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | gateway=waiting:ContainerCreating r=0
   2s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | gateway=waiting:ContainerCreating r=0
   2s #1 Normal Pulling [gateway]: Pulling image "ghcr.io/acme/session-gateway:4.0.2"
   4s #1 Normal Pulled [gateway]: Successfully pulled image "ghcr.io/acme/session-gateway:4.0.2" in 1.7s (1.7s including waiting). Image size: 52660118 bytes.
   4s #1 Normal Created [gateway]: Created container: gateway
   4s #1 Normal Started [gateway]: Started container gateway
   4s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | gateway=running r=0 ready
  45s #1 Running deleting | Sandbox=T Init=T Ready=T CReady=T Sched=T | gateway=running r=0 ready
  45s #1 Normal Killing [gateway]: Stopping container gateway
  45s #2 ADDED Pending |  |
  45s #2 Pending | Sched=T |
  45s #2 Normal Scheduled: Successfully assigned demo/POD to node-2
  46s #2 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | gateway=waiting:ContainerCreating r=0
  47s #1 Warning FailedPreStopHook [gateway]: PreStopHook failed
  47s #2 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | gateway=waiting:ContainerCreating r=0
  47s #2 Normal Pulling [gateway]: Pulling image "ghcr.io/acme/session-gateway:4.0.2"
  49s #2 Normal Pulled [gateway]: Successfully pulled image "ghcr.io/acme/session-gateway:4.0.2" in 1.7s (1.7s including waiting). Image size: 52660118 bytes.
  49s #2 Normal Created [gateway]: Created container: gateway
  49s #2 Normal Started [gateway]: Started container gateway
  49s #2 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | gateway=running r=0 ready
  65s #1 Failed deleting | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | gateway=terminated:Error(137) r=0
  65s #1 DELETED
`,
  },
  {
    scenario: 'oomkilled',
    seconds: 45,
    story: `
   0s #1 ADDED Pending |  |
   0s #1 Pending | Sched=T |
   0s #1 Normal Scheduled: Successfully assigned demo/POD to node-1
   1s #1 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | report=waiting:ContainerCreating r=0
   2s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | report=waiting:ContainerCreating r=0
   2s #1 Normal Pulling [report]: Pulling image "ghcr.io/acme/report-builder:0.9.4"
   4s #1 Normal Pulled [report]: Successfully pulled image "ghcr.io/acme/report-builder:0.9.4" in 2.2s (2.2s including waiting). Image size: 97402671 bytes.
   4s #1 Normal Created [report]: Created container: report
   4s #1 Normal Started [report]: Started container report
   4s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | report=running r=0 ready
  17s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | report=terminated:OOMKilled(137) r=0
  18s #1 Normal Pulled [report]: Container image "ghcr.io/acme/report-builder:0.9.4" already present on machine
  18s #1 Normal Created [report]: Created container: report x2
  18s #1 Normal Started [report]: Started container report x2
  18s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | report=running last=terminated:OOMKilled(137) r=1 ready
  31s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | report=terminated:OOMKilled(137) last=terminated:OOMKilled(137) r=1
  32s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | report=waiting:CrashLoopBackOff(back-off 10s) last=terminated:OOMKilled(137) r=1
  32s #1 Warning BackOff [report]: Back-off restarting failed container report in pod POD_demo(UID)
  41s #1 Normal Pulled [report]: Container image "ghcr.io/acme/report-builder:0.9.4" already present on machine x2
  41s #1 Normal Created [report]: Created container: report x3
  41s #1 Normal Started [report]: Started container report x3
  41s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | report=running last=terminated:OOMKilled(137) r=2 ready
`,
  },
  {
    scenario: 'imagepull',
    seconds: 40,
    story: `
   0s #1 ADDED Pending |  |
   0s #1 Pending | Sched=T |
   0s #1 Normal Scheduled: Successfully assigned demo/POD to node-1
   1s #1 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | checkout=waiting:ContainerCreating r=0
   2s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | checkout=waiting:ContainerCreating r=0
   2s #1 Normal Pulling [checkout]: Pulling image "ghcr.io/acme/checkout-api:2.31.0-rc.1"
   4s #1 Warning Failed [checkout]: Failed to pull image "ghcr.io/acme/checkout-api:2.31.0-rc.1": rpc error: code = NotFound desc = failed to pull and unpack image "ghcr.io/acme/checkout-api:2.31.0-rc.1": failed to resolve reference "ghcr.io/acme/checkout-api:2.31.0-rc.1": ghcr.io/acme/checkout-api:2.31.0-rc.1: not found
   4s #1 Warning Failed [checkout]: Error: ErrImagePull
   4s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | checkout=waiting:ErrImagePull r=0
   5s #1 Normal BackOff [checkout]: Back-off pulling image "ghcr.io/acme/checkout-api:2.31.0-rc.1"
   5s #1 Warning Failed [checkout]: Error: ImagePullBackOff
   5s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | checkout=waiting:ImagePullBackOff r=0
  14s #1 Normal Pulling [checkout]: Pulling image "ghcr.io/acme/checkout-api:2.31.0-rc.1" x2
  15s #1 Warning Failed [checkout]: Failed to pull image "ghcr.io/acme/checkout-api:2.31.0-rc.1": rpc error: code = NotFound desc = failed to pull and unpack image "ghcr.io/acme/checkout-api:2.31.0-rc.1": failed to resolve reference "ghcr.io/acme/checkout-api:2.31.0-rc.1": ghcr.io/acme/checkout-api:2.31.0-rc.1: not found x2
  15s #1 Warning Failed [checkout]: Error: ErrImagePull x2
  15s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | checkout=waiting:ErrImagePull r=0
  16s #1 Normal BackOff [checkout]: Back-off pulling image "ghcr.io/acme/checkout-api:2.31.0-rc.1" x2
  16s #1 Warning Failed [checkout]: Error: ImagePullBackOff x2
  16s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | checkout=waiting:ImagePullBackOff r=0
  26s #1 Normal BackOff [checkout]: Back-off pulling image "ghcr.io/acme/checkout-api:2.31.0-rc.1" x3
  26s #1 Warning Failed [checkout]: Error: ImagePullBackOff x3
  35s #1 Normal Pulling [checkout]: Pulling image "ghcr.io/acme/checkout-api:2.31.0-rc.1" x3
  37s #1 Warning Failed [checkout]: Failed to pull image "ghcr.io/acme/checkout-api:2.31.0-rc.1": rpc error: code = NotFound desc = failed to pull and unpack image "ghcr.io/acme/checkout-api:2.31.0-rc.1": failed to resolve reference "ghcr.io/acme/checkout-api:2.31.0-rc.1": ghcr.io/acme/checkout-api:2.31.0-rc.1: not found x3
  37s #1 Warning Failed [checkout]: Error: ErrImagePull x3
  37s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | checkout=waiting:ErrImagePull r=0
  38s #1 Normal BackOff [checkout]: Back-off pulling image "ghcr.io/acme/checkout-api:2.31.0-rc.1" x4
  38s #1 Warning Failed [checkout]: Error: ImagePullBackOff x4
  38s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | checkout=waiting:ImagePullBackOff r=0
`,
  },
  {
    scenario: 'init-crash',
    seconds: 50,
    story: `
   0s #1 ADDED Pending |  |
   0s #1 Pending | Sched=T |
   0s #1 Normal Scheduled: Successfully assigned demo/POD to node-1
   1s #1 Pending | Sandbox=F Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:migrate=waiting:PodInitializing r=0, orders=waiting:PodInitializing r=0
   2s #1 Pending | Sandbox=T Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:migrate=waiting:PodInitializing r=0, orders=waiting:PodInitializing r=0
   2s #1 Normal Pulling [migrate]: Pulling image "ghcr.io/acme/db-migrate:7.2.0"
   3s #1 Normal Pulled [migrate]: Successfully pulled image "ghcr.io/acme/db-migrate:7.2.0" in 1.1s (1.1s including waiting). Image size: 22780113 bytes.
   3s #1 Normal Created [migrate]: Created container: migrate
   3s #1 Normal Started [migrate]: Started container migrate
   3s #1 Pending | Sandbox=T Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:migrate=running r=0, orders=waiting:PodInitializing r=0
   6s #1 Pending | Sandbox=T Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:migrate=terminated:Error(1) r=0, orders=waiting:PodInitializing r=0
   7s #1 Normal Pulled [migrate]: Container image "ghcr.io/acme/db-migrate:7.2.0" already present on machine
   7s #1 Normal Created [migrate]: Created container: migrate x2
   7s #1 Normal Started [migrate]: Started container migrate x2
   7s #1 Pending | Sandbox=T Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:migrate=running last=terminated:Error(1) r=1, orders=waiting:PodInitializing r=0
  10s #1 Pending | Sandbox=T Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:migrate=terminated:Error(1) last=terminated:Error(1) r=1, orders=waiting:PodInitializing r=0
  11s #1 Pending | Sandbox=T Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:migrate=waiting:CrashLoopBackOff(back-off 10s) last=terminated:Error(1) r=1, orders=waiting:PodInitializing r=0
  11s #1 Warning BackOff [migrate]: Back-off restarting failed container migrate in pod POD_demo(UID)
  20s #1 Normal Pulled [migrate]: Container image "ghcr.io/acme/db-migrate:7.2.0" already present on machine x2
  20s #1 Normal Created [migrate]: Created container: migrate x3
  20s #1 Normal Started [migrate]: Started container migrate x3
  20s #1 Pending | Sandbox=T Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:migrate=running last=terminated:Error(1) r=2, orders=waiting:PodInitializing r=0
  23s #1 Pending | Sandbox=T Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:migrate=terminated:Error(1) last=terminated:Error(1) r=2, orders=waiting:PodInitializing r=0
  24s #1 Pending | Sandbox=T Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:migrate=waiting:CrashLoopBackOff(back-off 20s) last=terminated:Error(1) r=2, orders=waiting:PodInitializing r=0
  24s #1 Warning BackOff [migrate]: Back-off restarting failed container migrate in pod POD_demo(UID) x2
  34s #1 Warning BackOff [migrate]: Back-off restarting failed container migrate in pod POD_demo(UID) x3
  43s #1 Normal Pulled [migrate]: Container image "ghcr.io/acme/db-migrate:7.2.0" already present on machine x3
  43s #1 Normal Created [migrate]: Created container: migrate x4
  43s #1 Normal Started [migrate]: Started container migrate x4
  43s #1 Pending | Sandbox=T Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:migrate=running last=terminated:Error(1) r=3, orders=waiting:PodInitializing r=0
  46s #1 Pending | Sandbox=T Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:migrate=terminated:Error(1) last=terminated:Error(1) r=3, orders=waiting:PodInitializing r=0
  47s #1 Pending | Sandbox=T Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:migrate=waiting:CrashLoopBackOff(back-off 40s) last=terminated:Error(1) r=3, orders=waiting:PodInitializing r=0
  47s #1 Warning BackOff [migrate]: Back-off restarting failed container migrate in pod POD_demo(UID) x4
`,
  },
  {
    scenario: 'init-slow',
    seconds: 35,
    story: `
   0s #1 ADDED Pending |  |
   0s #1 Pending | Sched=T |
   0s #1 Normal Scheduled: Successfully assigned demo/POD to node-1
   1s #1 Pending | Sandbox=F Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:wait-for-db=waiting:PodInitializing r=0, init:fetch-config=waiting:PodInitializing r=0, ledger=waiting:PodInitializing r=0
   2s #1 Pending | Sandbox=T Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:wait-for-db=waiting:PodInitializing r=0, init:fetch-config=waiting:PodInitializing r=0, ledger=waiting:PodInitializing r=0
   2s #1 Normal Pulling [wait-for-db]: Pulling image "busybox:1.36.1"
   3s #1 Normal Pulled [wait-for-db]: Successfully pulled image "busybox:1.36.1" in 0.9s (0.9s including waiting). Image size: 2155374 bytes.
   3s #1 Normal Created [wait-for-db]: Created container: wait-for-db
   3s #1 Normal Started [wait-for-db]: Started container wait-for-db
   3s #1 Pending | Sandbox=T Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:wait-for-db=running r=0, init:fetch-config=waiting:PodInitializing r=0, ledger=waiting:PodInitializing r=0
  19s #1 Pending | Sandbox=T Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:wait-for-db=terminated:Completed(0) r=0 ready, init:fetch-config=waiting:PodInitializing r=0, ledger=waiting:PodInitializing r=0
  20s #1 Normal Pulling [fetch-config]: Pulling image "ghcr.io/acme/config-fetcher:1.1.0"
  21s #1 Normal Pulled [fetch-config]: Successfully pulled image "ghcr.io/acme/config-fetcher:1.1.0" in 1.3s (1.3s including waiting). Image size: 18445002 bytes.
  21s #1 Normal Created [fetch-config]: Created container: fetch-config
  21s #1 Normal Started [fetch-config]: Started container fetch-config
  21s #1 Pending | Sandbox=T Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:wait-for-db=terminated:Completed(0) r=0 ready, init:fetch-config=running r=0, ledger=waiting:PodInitializing r=0
  30s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:wait-for-db=terminated:Completed(0) r=0 ready, init:fetch-config=terminated:Completed(0) r=0 ready, ledger=waiting:PodInitializing r=0
  31s #1 Normal Pulling [ledger]: Pulling image "ghcr.io/acme/ledger-api:1.9.2"
  33s #1 Normal Pulled [ledger]: Successfully pulled image "ghcr.io/acme/ledger-api:1.9.2" in 2s (2s including waiting). Image size: 66301988 bytes.
  33s #1 Normal Created [ledger]: Created container: ledger
  33s #1 Normal Started [ledger]: Started container ledger
  33s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | init:wait-for-db=terminated:Completed(0) r=0 ready, init:fetch-config=terminated:Completed(0) r=0 ready, ledger=running r=0 ready
`,
  },
  {
    scenario: 'sidecar',
    seconds: 12,
    story: `
   0s #1 ADDED Pending |  |
   0s #1 Pending | Sched=T |
   0s #1 Normal Scheduled: Successfully assigned demo/POD to node-1
   1s #1 Pending | Sandbox=F Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:log-shipper=waiting:PodInitializing r=0, billing=waiting:PodInitializing r=0
   2s #1 Pending | Sandbox=T Init=F(ContainersNotInitialized) Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:log-shipper=waiting:PodInitializing r=0, billing=waiting:PodInitializing r=0
   2s #1 Normal Pulling [log-shipper]: Pulling image "fluent/fluent-bit:3.1.9"
   4s #1 Normal Pulled [log-shipper]: Successfully pulled image "fluent/fluent-bit:3.1.9" in 1.5s (1.5s including waiting). Image size: 33901450 bytes.
   4s #1 Normal Created [log-shipper]: Created container: log-shipper
   4s #1 Normal Started [log-shipper]: Started container log-shipper
   4s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:log-shipper=running r=0 ready, billing=waiting:PodInitializing r=0
   5s #1 Normal Pulling [billing]: Pulling image "ghcr.io/acme/billing-api:6.0.3"
   7s #1 Normal Pulled [billing]: Successfully pulled image "ghcr.io/acme/billing-api:6.0.3" in 2.4s (2.4s including waiting). Image size: 71220004 bytes.
   7s #1 Normal Created [billing]: Created container: billing
   7s #1 Normal Started [billing]: Started container billing
   7s #1 Running | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | init:log-shipper=running r=0 ready, billing=running r=0
  10s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | init:log-shipper=running r=0 ready, billing=running r=0 ready
`,
  },
  {
    scenario: 'unschedulable',
    seconds: 130,
    story: `
   0s #1 ADDED Pending |  |
   0s #1 Pending | Sched=F(Unschedulable) |
   0s #1 Warning FailedScheduling: 0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.
  60s #1 Warning FailedScheduling: 0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod. x2
 120s #1 Warning FailedScheduling: 0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod. x3
`,
  },
  {
    scenario: 'job-success',
    seconds: 15,
    story: `
   0s #1 ADDED Pending |  |
   0s #1 Pending | Sched=T |
   0s #1 Normal Scheduled: Successfully assigned demo/POD to node-1
   1s #1 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | export=waiting:ContainerCreating r=0
   2s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | export=waiting:ContainerCreating r=0
   2s #1 Normal Pulling [export]: Pulling image "ghcr.io/acme/nightly-export:2.0.0"
   4s #1 Normal Pulled [export]: Successfully pulled image "ghcr.io/acme/nightly-export:2.0.0" in 1.6s (1.6s including waiting). Image size: 29113775 bytes.
   4s #1 Normal Created [export]: Created container: export
   4s #1 Normal Started [export]: Started container export
   4s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | export=running r=0 ready
  12s #1 Succeeded | Sandbox=T Init=T Ready=F(PodCompleted) CReady=F(PodCompleted) Sched=T | export=terminated:Completed(0) r=0
  13s #1 Succeeded | Sandbox=F Init=T Ready=F(PodCompleted) CReady=F(PodCompleted) Sched=T | export=terminated:Completed(0) r=0
`,
  },
  {
    scenario: 'job-failure',
    seconds: 60,
    story: `
   0s #1 ADDED Pending |  |
   0s #1 Pending | Sched=T |
   0s #1 Normal Scheduled: Successfully assigned demo/POD to node-1
   1s #1 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | sync=waiting:ContainerCreating r=0
   2s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | sync=waiting:ContainerCreating r=0
   2s #1 Normal Pulling [sync]: Pulling image "ghcr.io/acme/crm-sync:1.0.7"
   3s #1 Normal Pulled [sync]: Successfully pulled image "ghcr.io/acme/crm-sync:1.0.7" in 1.2s (1.2s including waiting). Image size: 35800410 bytes.
   3s #1 Normal Created [sync]: Created container: sync
   3s #1 Normal Started [sync]: Started container sync
   3s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | sync=running r=0 ready
   8s #1 Failed | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | sync=terminated:Error(1) r=0
   9s #1 Failed | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | sync=terminated:Error(1) r=0
  18s #2 ADDED Pending |  |
  18s #2 Pending | Sched=T |
  18s #2 Normal Scheduled: Successfully assigned demo/POD to node-2
  19s #2 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | sync=waiting:ContainerCreating r=0
  20s #2 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | sync=waiting:ContainerCreating r=0
  20s #2 Normal Pulling [sync]: Pulling image "ghcr.io/acme/crm-sync:1.0.7"
  21s #2 Normal Pulled [sync]: Successfully pulled image "ghcr.io/acme/crm-sync:1.0.7" in 1.2s (1.2s including waiting). Image size: 35800410 bytes.
  21s #2 Normal Created [sync]: Created container: sync
  21s #2 Normal Started [sync]: Started container sync
  21s #2 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | sync=running r=0 ready
  26s #2 Failed | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | sync=terminated:Error(1) r=0
  27s #2 Failed | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | sync=terminated:Error(1) r=0
  46s #3 ADDED Pending |  |
  46s #3 Pending | Sched=T |
  46s #3 Normal Scheduled: Successfully assigned demo/POD to node-3
  47s #3 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | sync=waiting:ContainerCreating r=0
  48s #3 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | sync=waiting:ContainerCreating r=0
  48s #3 Normal Pulling [sync]: Pulling image "ghcr.io/acme/crm-sync:1.0.7"
  50s #3 Normal Pulled [sync]: Successfully pulled image "ghcr.io/acme/crm-sync:1.0.7" in 1.2s (1.2s including waiting). Image size: 35800410 bytes.
  50s #3 Normal Created [sync]: Created container: sync
  50s #3 Normal Started [sync]: Started container sync
  50s #3 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | sync=running r=0 ready
  55s #3 Failed | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | sync=terminated:Error(1) r=0
  56s #3 Failed | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | sync=terminated:Error(1) r=0
`,
  },
  {
    scenario: 'evicted',
    seconds: 50,
    story: `
   0s #1 ADDED Pending |  |
   0s #1 Pending | Sched=T |
   0s #1 Normal Scheduled: Successfully assigned demo/POD to node-1
   1s #1 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | thumbnailer=waiting:ContainerCreating r=0
   2s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | thumbnailer=waiting:ContainerCreating r=0
   2s #1 Normal Pulling [thumbnailer]: Pulling image "ghcr.io/acme/thumbnailer:2.2.0"
   4s #1 Normal Pulled [thumbnailer]: Successfully pulled image "ghcr.io/acme/thumbnailer:2.2.0" in 1.9s (1.9s including waiting). Image size: 88014552 bytes.
   4s #1 Normal Created [thumbnailer]: Created container: thumbnailer
   4s #1 Normal Started [thumbnailer]: Started container thumbnailer
   4s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | thumbnailer=running r=0 ready
  45s #1 Warning Evicted: The node was low on resource: memory. Threshold quantity: 100Mi, available: 91236Ki. Container thumbnailer was using 1398100Ki, request is 128Mi, has larger consumption of memory.
  45s #1 Failed/Evicted | Disruption=T Sandbox=T Init=T Ready=T CReady=T Sched=T | thumbnailer=running r=0 ready
  45s #1 Normal Killing [thumbnailer]: Stopping container thumbnailer
  45s #2 ADDED Pending |  |
  45s #2 Pending | Sched=T |
  45s #2 Normal Scheduled: Successfully assigned demo/POD to node-2
  46s #2 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | thumbnailer=waiting:ContainerCreating r=0
  47s #1 Failed/Evicted | Disruption=T Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | thumbnailer=terminated:Error(137) r=0
  47s #2 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | thumbnailer=waiting:ContainerCreating r=0
  47s #2 Normal Pulling [thumbnailer]: Pulling image "ghcr.io/acme/thumbnailer:2.2.0"
  49s #2 Normal Pulled [thumbnailer]: Successfully pulled image "ghcr.io/acme/thumbnailer:2.2.0" in 1.9s (1.9s including waiting). Image size: 88014552 bytes.
  49s #2 Normal Created [thumbnailer]: Created container: thumbnailer
  49s #2 Normal Started [thumbnailer]: Started container thumbnailer
  49s #2 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | thumbnailer=running r=0 ready
`,
  },
  {
    scenario: 'node-lost',
    seconds: 440,
    story: `
   0s #1 ADDED Pending |  |
   0s #1 Pending | Sched=T |
   0s #1 Normal Scheduled: Successfully assigned demo/POD to node-4
   1s #1 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | geo=waiting:ContainerCreating r=0
   2s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | geo=waiting:ContainerCreating r=0
   2s #1 Normal Pulling [geo]: Pulling image "ghcr.io/acme/geo-lookup:3.3.1"
   3s #1 Normal Pulled [geo]: Successfully pulled image "ghcr.io/acme/geo-lookup:3.3.1" in 1.3s (1.3s including waiting). Image size: 45002771 bytes.
   3s #1 Normal Created [geo]: Created container: geo
   3s #1 Normal Started [geo]: Started container geo
   3s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | geo=running r=0 ready
 100s #1 Running | Sandbox=T Init=T Ready=F CReady=T Sched=T | geo=running r=0 ready
 100s #1 Warning NodeNotReady: Node is not ready
 400s #1 Running | Disruption=T Sandbox=T Init=T Ready=F CReady=T Sched=T | geo=running r=0 ready
 400s #1 Normal TaintManagerEviction: Marking for deletion Pod demo/POD
 400s #1 Running deleting | Disruption=T Sandbox=T Init=T Ready=F CReady=T Sched=T | geo=running r=0 ready
 400s #2 ADDED Pending |  |
 400s #2 Pending | Sched=T |
 400s #2 Normal Scheduled: Successfully assigned demo/POD to node-1
 401s #2 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | geo=waiting:ContainerCreating r=0
 402s #2 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | geo=waiting:ContainerCreating r=0
 402s #2 Normal Pulling [geo]: Pulling image "ghcr.io/acme/geo-lookup:3.3.1"
 403s #2 Normal Pulled [geo]: Successfully pulled image "ghcr.io/acme/geo-lookup:3.3.1" in 1.3s (1.3s including waiting). Image size: 45002771 bytes.
 403s #2 Normal Created [geo]: Created container: geo
 403s #2 Normal Started [geo]: Started container geo
 403s #2 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | geo=running r=0 ready
 430s #1 Running/NodeLost deleting | Disruption=T Sandbox=T Init=T Ready=F CReady=T Sched=T | geo=running r=0 ready
`,
  },
  {
    scenario: 'churn',
    seconds: 70,
    story: `
   0s #1 ADDED Pending |  |
   0s #2 ADDED Pending |  |
   0s #3 ADDED Pending |  |
   0s #1 Pending | Sched=T |
   0s #1 Normal Scheduled: Successfully assigned demo/POD to node-1
   0s #2 Pending | Sched=T |
   0s #2 Normal Scheduled: Successfully assigned demo/POD to node-2
   0s #3 Pending | Sched=T |
   0s #3 Normal Scheduled: Successfully assigned demo/POD to node-3
   1s #1 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | frontend=waiting:ContainerCreating r=0
   1s #2 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | frontend=waiting:ContainerCreating r=0
   1s #3 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | frontend=waiting:ContainerCreating r=0
   2s #1 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | frontend=waiting:ContainerCreating r=0
   2s #1 Normal Pulling [frontend]: Pulling image "ghcr.io/acme/storefront:1.41.0"
   2s #2 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | frontend=waiting:ContainerCreating r=0
   2s #2 Normal Pulling [frontend]: Pulling image "ghcr.io/acme/storefront:1.41.0"
   2s #3 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | frontend=waiting:ContainerCreating r=0
   2s #3 Normal Pulling [frontend]: Pulling image "ghcr.io/acme/storefront:1.41.0"
   4s #1 Normal Pulled [frontend]: Successfully pulled image "ghcr.io/acme/storefront:1.41.0" in 1.5s (1.5s including waiting). Image size: 58300144 bytes.
   4s #1 Normal Created [frontend]: Created container: frontend
   4s #1 Normal Started [frontend]: Started container frontend
   4s #1 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | frontend=running r=0 ready
   4s #2 Normal Pulled [frontend]: Successfully pulled image "ghcr.io/acme/storefront:1.41.0" in 1.5s (1.5s including waiting). Image size: 58300144 bytes.
   4s #2 Normal Created [frontend]: Created container: frontend
   4s #2 Normal Started [frontend]: Started container frontend
   4s #2 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | frontend=running r=0 ready
   4s #3 Normal Pulled [frontend]: Successfully pulled image "ghcr.io/acme/storefront:1.41.0" in 1.5s (1.5s including waiting). Image size: 58300144 bytes.
   4s #3 Normal Created [frontend]: Created container: frontend
   4s #3 Normal Started [frontend]: Started container frontend
   4s #3 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | frontend=running r=0 ready
  30s #4 ADDED Pending |  |
  30s #4 Pending | Sched=T |
  30s #4 Normal Scheduled: Successfully assigned demo/POD to node-1
  31s #4 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | frontend=waiting:ContainerCreating r=0
  32s #4 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | frontend=waiting:ContainerCreating r=0
  32s #4 Normal Pulling [frontend]: Pulling image "ghcr.io/acme/storefront:1.42.0"
  34s #4 Normal Pulled [frontend]: Successfully pulled image "ghcr.io/acme/storefront:1.42.0" in 1.5s (1.5s including waiting). Image size: 58300144 bytes.
  34s #4 Normal Created [frontend]: Created container: frontend
  34s #4 Normal Started [frontend]: Started container frontend
  34s #4 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | frontend=running r=0 ready
  38s #1 Running deleting | Sandbox=T Init=T Ready=T CReady=T Sched=T | frontend=running r=0 ready
  38s #1 Normal Killing [frontend]: Stopping container frontend
  39s #1 Succeeded deleting | Sandbox=F Init=T Ready=F(PodCompleted) CReady=F(PodCompleted) Sched=T | frontend=terminated:Completed(0) r=0
  39s #1 DELETED
  45s #5 ADDED Pending |  |
  45s #5 Pending | Sched=T |
  45s #5 Normal Scheduled: Successfully assigned demo/POD to node-2
  46s #5 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | frontend=waiting:ContainerCreating r=0
  47s #5 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | frontend=waiting:ContainerCreating r=0
  47s #5 Normal Pulling [frontend]: Pulling image "ghcr.io/acme/storefront:1.42.0"
  49s #5 Normal Pulled [frontend]: Successfully pulled image "ghcr.io/acme/storefront:1.42.0" in 1.5s (1.5s including waiting). Image size: 58300144 bytes.
  49s #5 Normal Created [frontend]: Created container: frontend
  49s #5 Normal Started [frontend]: Started container frontend
  49s #5 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | frontend=running r=0 ready
  53s #2 Running deleting | Sandbox=T Init=T Ready=T CReady=T Sched=T | frontend=running r=0 ready
  53s #2 Normal Killing [frontend]: Stopping container frontend
  54s #2 Succeeded deleting | Sandbox=F Init=T Ready=F(PodCompleted) CReady=F(PodCompleted) Sched=T | frontend=terminated:Completed(0) r=0
  54s #2 DELETED
  60s #6 ADDED Pending |  |
  60s #6 Pending | Sched=T |
  60s #6 Normal Scheduled: Successfully assigned demo/POD to node-3
  61s #6 Pending | Sandbox=F Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | frontend=waiting:ContainerCreating r=0
  62s #6 Pending | Sandbox=T Init=T Ready=F(ContainersNotReady) CReady=F(ContainersNotReady) Sched=T | frontend=waiting:ContainerCreating r=0
  62s #6 Normal Pulling [frontend]: Pulling image "ghcr.io/acme/storefront:1.42.0"
  64s #6 Normal Pulled [frontend]: Successfully pulled image "ghcr.io/acme/storefront:1.42.0" in 1.5s (1.5s including waiting). Image size: 58300144 bytes.
  64s #6 Normal Created [frontend]: Created container: frontend
  64s #6 Normal Started [frontend]: Started container frontend
  64s #6 Running | Sandbox=T Init=T Ready=T CReady=T Sched=T | frontend=running r=0 ready
  68s #3 Running deleting | Sandbox=T Init=T Ready=T CReady=T Sched=T | frontend=running r=0 ready
  68s #3 Normal Killing [frontend]: Stopping container frontend
  69s #3 Succeeded deleting | Sandbox=F Init=T Ready=F(PodCompleted) CReady=F(PodCompleted) Sched=T | frontend=terminated:Completed(0) r=0
  69s #3 DELETED
`,
  },
];

describe('scenario stories on the virtual clock', () => {
  it.each(STORIES)('$scenario: the first $seconds s', ({ scenario, seconds, story }) => {
    const clock = new VirtualClock();
    const emulator = createEmulator(clock);
    const recorded = record(emulator);
    const running = startScenarios(emulator, { names: [scenario], namespace: 'demo', random: seededRandom(7) });
    clock.advance(seconds * 1000);
    running.stop();
    recorded.stop();
    expect(recorded.story(`${scenario}-`).map((l) => l.trimEnd())).toEqual(table(story));
  });
});

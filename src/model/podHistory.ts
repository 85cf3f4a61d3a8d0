// One pod's history as the reducer keeps it: the pod versions podtui saw and
// the Events about the pod, bounded, and turned into timeline entries only
// when someone reads them.
//
// Diffing each version against the one before is most of what an update would
// cost (with no diff at all the reducer read ~45 % less CPU at 10,000 pods;
// docs/performance.md, item 14), yet in a storm the screen reads one pod's
// timeline, and the total bound drops most versions before anyone asks. So a
// version is kept as a VersionStep, which derives its transitions the first
// time they are read (the pod's timeline, the all-pods log), once.
//
// The bounds count units: an entry already derived, an Event, or a version not
// derived yet (UNREAD_VERSION_UNITS, whatever it will make). Reading a pod
// turns its versions into their entries (0, 1 or more units each), so its
// count can change by reading, and the total bound then takes the oldest
// units of the cluster as always.
import { diffPods, podRemoved } from './transitions.js';
import { insertSorted, transitionEntry } from './timeline.js';
import type { Pod } from './types.js';
import type { PodRow, PodView, TimelineEntry, TransitionEntry } from './views.js';

/**
 * What a version nobody has read yet counts for in the bounds. A kept entry
 * costs ~1.1 KB, most of it the version it shows (timeline.ts); a version
 * kept alone ~1.5 KB, and the bench's crash cycle makes ~2.8 entries per
 * version. At one unit each, 50,000 unread versions held 125 MB against the
 * 71 MB of 50,000 entries; at two, about what the entries held.
 */
export const UNREAD_VERSION_UNITS = 2;

/** One pod version in its pod's history: the transitions since the version before are derived when first read. */
export class VersionStep {
  private derived: readonly TransitionEntry[] | undefined;

  constructor(
    readonly podKey: string,
    readonly previous: Pod | undefined,
    readonly pod: Pod,
    readonly observedAt: number,
    /** Observation order (see TimelineEntry.seq). */
    readonly seq: number,
    /** The pod's last version as it left: its transitions end with PodRemoved. */
    readonly removed = false,
  ) {}

  /** Whether the transitions were derived (read) yet. */
  get derivedYet(): boolean {
    return this.derived !== undefined;
  }

  get entries(): readonly TransitionEntry[] {
    if (this.derived === undefined) {
      const transitions = diffPods(this.previous, this.pod, this.observedAt);
      if (this.removed) transitions.push(podRemoved(this.pod, this.observedAt));
      this.derived = transitions.map((t, i) => transitionEntry(this.podKey, t, this.pod, this.seq, i));
    }
    return this.derived;
  }
}

/** What the reducer's ledger does when reading a pod turned its versions into entries. */
export interface HistoryBook {
  /** `rec` holds `delta` more units (or fewer) now that its versions are entries. */
  grew(rec: PodRecord, delta: number): void;
}

interface History {
  timeline: readonly TimelineEntry[];
  dropped: number;
  baseline: Pod | undefined;
}

/** A pod's view; its history is made ready the first time it is read, not when the view is made. */
class RecordView implements PodView {
  private history: History | undefined;

  constructor(
    private readonly rec: PodRecord,
    readonly row: PodRow,
    readonly pod: Pod,
    readonly seq: number,
  ) {}

  private read(): History {
    return (this.history ??= this.rec.historyFor(this));
  }

  get timeline(): readonly TimelineEntry[] {
    return this.read().timeline;
  }

  get dropped(): number {
    return this.read().dropped;
  }

  get baseline(): Pod | undefined {
    return this.read().baseline;
  }
}

export class PodRecord {
  /** Entries already derived and Events, in timeline order. Copied before a change once a view holds it. */
  private entries: TimelineEntry[] = [];
  private shared = false;
  /** Versions not derived yet, oldest first. */
  private pending: VersionStep[] = [];
  /** Units that fell off the front (either bound). */
  private droppedUnits = 0;
  /** The newest version among those dropped: what snapshots before the first kept entry show. */
  private baseline: Pod | undefined;
  private baselineSeq = -1;
  /** Grows with every change to what a view of this pod reads. */
  private revision = 0;
  private cached: RecordView | undefined;
  private cachedRevision = -1;

  /** Units the total bound took from this pod, counted out at once, cut at the next change or read. */
  owed = 0;
  /** Slots of this pod in the total bound's queue with no unit behind them (left by the per-pod bound, or counted for a version that made fewer entries). */
  stale = 0;
  removed = false;

  /** The newest version, and its observation order. */
  pod: Pod;
  seq: number;

  constructor(
    private readonly book: HistoryBook,
    readonly key: string,
    readonly uid: string | undefined,
    first: VersionStep,
    /** The newest version's row. */
    public row: PodRow,
  ) {
    this.pod = first.pod;
    this.seq = first.seq;
    this.pending.push(first);
  }

  /** Units held, owed ones included. */
  get held(): number {
    return this.entries.length + this.pending.length * UNREAD_VERSION_UNITS;
  }

  /** The pod's view as the screen reads it: the same object until the pod changes. */
  get view(): PodView {
    this.settle();
    if (this.cached === undefined || this.cachedRevision !== this.revision) {
      this.cached = new RecordView(this, this.row, this.pod, this.seq);
      this.cachedRevision = this.revision;
    }
    return this.cached;
  }

  /** A new version of the pod (the row and seq are the step's). */
  addVersion(step: VersionStep, row: PodRow): void {
    this.settle();
    this.pod = step.pod;
    this.row = row;
    this.seq = step.seq;
    this.pending.push(step);
    this.revision++;
  }

  /** Derived entries and Events, derived up to the newest version, to change in place. */
  writableEntries(): TimelineEntry[] {
    this.derive();
    if (this.shared) {
      this.entries = this.entries.slice();
      this.shared = false;
    }
    this.revision++;
    return this.entries;
  }

  /** Cuts the owed units (part of an unread version's stay owed until the rest is). */
  settle(): void {
    if (this.owed !== 0) this.owed = this.cut(this.owed);
  }

  /** Counts units out from the front until at most `limit` are held; how many (each left its slot stale). */
  trimTo(limit: number): number {
    this.settle();
    const excess = this.held - this.owed - limit;
    if (excess <= 0) return 0;
    this.owed = this.cut(this.owed + excess);
    this.stale += excess;
    return excess;
  }

  /** The history as `view` reads it: derived now, and the same until the pod changes. */
  historyFor(view: RecordView): History {
    this.derive();
    this.shared = true;
    // Deriving changed nothing a view reads: the view being read stays the pod's view.
    if (view === this.cached) this.cachedRevision = this.revision;
    // A view read only after newer versions came: what it showed then.
    const newer = (e: TimelineEntry) => e.source === 'transition' && (e.seq ?? 0) > view.seq;
    const timeline = view.seq !== this.seq && this.entries.some(newer) ? this.entries.filter((e) => !newer(e)) : this.entries;
    return { timeline, dropped: this.droppedUnits, baseline: this.baseline };
  }

  /** Every Event's uid in the kept entries. */
  *eventUids(): Generator<string> {
    for (const entry of this.entries) if (entry.source === 'event') yield entry.event.uid;
  }

  /** Turns the pending versions into their entries, in timeline order, and bounds the pod again. */
  private derive(): void {
    this.settle();
    if (this.pending.length === 0) return;
    let entries = this.entries;
    let delta = 0;
    for (const step of this.pending) {
      const made = step.entries;
      delta += made.length - UNREAD_VERSION_UNITS;
      if (made.length > 0 && this.shared) {
        entries = entries.slice();
        this.shared = false;
      }
      for (const entry of made) insertSorted(entries, entry);
    }
    this.entries = entries;
    this.pending = [];
    this.revision++;
    // Owed units less than a version were left owed: entries can pay them now.
    this.settle();
    this.book.grew(this, delta);
    this.settle();
  }

  /**
   * Removes `count` units from the front: entries first, then whole pending
   * versions (never derived); what is left (less than a version) is returned.
   */
  private cut(count: number): number {
    const fromEntries = Math.min(count, this.entries.length);
    for (let i = 0; i < fromEntries; i++) {
      const gone = this.entries[i]!;
      if (gone.source === 'transition' && gone.pod) this.passed(gone.pod, gone.seq ?? 0);
    }
    if (fromEntries > 0) {
      if (this.shared) this.entries = this.entries.slice(fromEntries);
      else this.entries.splice(0, fromEntries);
      this.shared = false;
    }
    const versions = Math.min(Math.floor((count - fromEntries) / UNREAD_VERSION_UNITS), this.pending.length);
    for (let i = 0; i < versions; i++) this.passed(this.pending[i]!.pod, this.pending[i]!.seq);
    // Spliced, not skipped: a version cut must not stay reachable (a pod holds a few, at most the bound's).
    if (versions > 0) this.pending.splice(0, versions);
    const done = fromEntries + versions * UNREAD_VERSION_UNITS;
    this.droppedUnits += done;
    if (done > 0) this.revision++;
    return count - done;
  }

  private passed(pod: Pod, seq: number): void {
    if (seq < this.baselineSeq) return;
    this.baselineSeq = seq;
    this.baseline = pod;
  }
}

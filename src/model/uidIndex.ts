// Finding a pod's record by uid is the first thing every update does, and at
// 10,000 pods it was a tenth of the model's time: a Map keyed by the uid
// string hashes the freshly parsed uid (36 characters), then compares it,
// character by character, with every stored uid in its bucket, each one a
// string last read one round of updates ago and long gone from the CPU's
// caches. Keyed by a number cut from the uid instead, the Map compares
// numbers where they are stored, and one string comparison confirms the
// record found.

/** A 30-bit hash of the uid's last eight characters: a UUID's are random hex (and any string still yields a number). */
function uidNumber(uid: string): number {
  let n = 0;
  for (let i = Math.max(0, uid.length - 8); i < uid.length; i++) n = (Math.imul(n, 31) + uid.charCodeAt(i)) | 0;
  // A small integer: V8 keeps it unboxed, and hashes and compares it without reading memory.
  return n & 0x3fffffff;
}

export class UidIndex<T extends { readonly uid: string | undefined }> {
  private readonly byNumber = new Map<number, T>();
  /** Records whose number another uid already holds: two uids with the same last characters are rare, not impossible. */
  private readonly sharingNumber = new Map<string, T>();

  get(uid: string): T | undefined {
    const found = this.byNumber.get(uidNumber(uid));
    if (found?.uid === uid) return found;
    return this.sharingNumber.size === 0 ? undefined : this.sharingNumber.get(uid);
  }

  /** Files `record` under its own uid (a record without one is not indexed). */
  set(record: T): void {
    const { uid } = record;
    if (uid === undefined) return;
    const key = uidNumber(uid);
    const holder = this.byNumber.get(key);
    if (holder === undefined || holder.uid === uid) this.byNumber.set(key, record);
    else this.sharingNumber.set(uid, record);
  }

  delete(uid: string): void {
    if (this.sharingNumber.delete(uid)) return;
    const key = uidNumber(uid);
    if (this.byNumber.get(key)?.uid !== uid) return;
    this.byNumber.delete(key);
    // A record that waited for this number takes it.
    for (const [waiting, record] of this.sharingNumber) {
      if (uidNumber(waiting) !== key) continue;
      this.sharingNumber.delete(waiting);
      this.byNumber.set(key, record);
      return;
    }
  }

  get size(): number {
    return this.byNumber.size + this.sharingNumber.size;
  }
}

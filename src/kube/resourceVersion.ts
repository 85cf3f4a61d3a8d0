// ResourceVersions are opaque strings by the API's contract: equal or not.
// etcd's are increasing integers though, and where both sides look like that
// we use the order to drop a stale copy (a non-snapshot paged list, or one
// event API lagging behind the other) instead of moving an object backwards.

/** Whether `candidate` is older than `held`; false whenever either is not a plain integer. */
export function isOlderResourceVersion(candidate: string, held: string): boolean {
  if (!/^\d+$/.test(candidate) || !/^\d+$/.test(held)) return false;
  return candidate.length !== held.length ? candidate.length < held.length : candidate < held;
}

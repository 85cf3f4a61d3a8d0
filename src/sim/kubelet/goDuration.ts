// Go's time.Duration.String() for whole seconds, because the kubelet prints its
// back-off with it: "back-off 10s", "back-off 1m20s", "back-off 5m0s".

export function goDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${minutes}m${seconds}s`;
  return `${seconds}s`;
}

// Names and identifiers the way the control plane makes them, drawn from a
// random source the caller owns (seeded in tests, so every name is stable).
import { createHash } from 'node:crypto';

export type Random = () => number;

/** apimachinery's rand.String alphabet: no vowels and no look-alikes, so names never spell words. */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function randomString(random: Random, length: number, alphabet = NAME_ALPHABET): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)] ?? alphabet[0];
  return out;
}

const HEX = '0123456789abcdef';

/** `length` hex digits, eight per draw (container IDs and UIDs are made by the thousand under load). */
export function randomHex(random: Random, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(random() * 0x1_0000_0000).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

/** A version-4 UUID from the random source. */
export function randomUid(random: Random): string {
  const h = randomHex(random, 32);
  const variant = HEX[8 + Math.floor(random() * 4)];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A ReplicaSet's pod-template-hash: 10 characters for Deployments since 1.12 (older ones had 9 or 10 digits). */
export function podTemplateHash(random: Random): string {
  return randomString(random, 10);
}

/** The 5-character suffix generateName adds. */
export function generateNameSuffix(random: Random): string {
  return randomString(random, 5);
}

/** A containerd container ID. */
export function containerId(random: Random): string {
  return `containerd://${randomHex(random, 64)}`;
}

/** The fully qualified reference containerd reports: `nginx:1.27` → `docker.io/library/nginx:1.27`. */
export function normalizedImage(image: string): string {
  const first = image.split('/')[0] ?? '';
  const hasRegistry = image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return image;
  return image.includes('/') ? `docker.io/${image}` : `docker.io/library/${image}`;
}

const imageIds = new Map<string, string>();

/** imageID as the runtime reports it: the repository with the content digest (stable per image). */
export function imageId(image: string): string {
  let id = imageIds.get(image);
  if (id === undefined) {
    const full = normalizedImage(image);
    const repository = full.replace(/:[^/:@]+$/, '');
    id = `${repository}@sha256:${createHash('sha256').update(full).digest('hex')}`;
    imageIds.set(image, id);
  }
  return id;
}

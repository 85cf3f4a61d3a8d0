// Kubernetes resource quantities ("100m", "1.5", "128Mi", "1G", "2e3") as plain
// numbers of the base unit (cores, bytes), enough to add and compare them the
// way the QoS rules do. Exactness beyond a double's 15 digits is not needed
// for that.

const BINARY_SUFFIXES: Readonly<Record<string, number>> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|([a-zA-Z]*))$/;

/** The value of a quantity in base units, or undefined when it is not a quantity the API server would accept. */
export function parseQuantity(text: string): number | undefined {
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const [, digits, exponent, suffix] = match;
  const value = Number(digits);
  if (exponent !== undefined) return value * 10 ** Number(exponent.slice(1));
  const scale = BINARY_SUFFIXES[suffix ?? ''] ?? DECIMAL_SUFFIXES[suffix ?? ''];
  return scale === undefined ? undefined : value * scale;
}

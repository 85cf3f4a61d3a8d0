// labelSelector as the API server reads it (apimachinery pkg/labels):
// requirements joined by commas, each one of `key`, `!key`, `key=v`,
// `key==v`, `key!=v`, `key in (a,b)`, `key notin (a,b)`, `key>n`, `key<n`.
// `!=` and `notin` also match objects without the label, as in Kubernetes.

export type LabelOperator = 'in' | 'notin' | 'exists' | 'doesnotexist' | 'gt' | 'lt';

export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

export class SelectorError extends Error {}

// A qualified name with an optional DNS prefix: [prefix/]name.
const KEY = String.raw`[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?`;
const VALUE = String.raw`([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?`;
const EXISTS = new RegExp(`^(${KEY})$`);
const NOT_EXISTS = new RegExp(`^!\\s*(${KEY})$`);
const EQUALITY = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*(${VALUE})$`);
const SET = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\((.*)\\)$`);
const NUMERIC = new RegExp(`^(${KEY})\\s*(<|>)\\s*(-?\\d+)$`);
const VALUE_ONLY = new RegExp(`^${VALUE}$`);

/** Splits on commas that are not inside a `( … )` value set. */
function splitRequirements(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

function parseRequirement(text: string): LabelRequirement {
  let m = NOT_EXISTS.exec(text);
  if (m) return { key: m[1]!, operator: 'doesnotexist', values: [] };
  m = EXISTS.exec(text);
  if (m) return { key: m[1]!, operator: 'exists', values: [] };
  m = EQUALITY.exec(text);
  if (m) return { key: m[1]!, operator: m[3] === '!=' ? 'notin' : 'in', values: [m[4] ?? ''] };
  m = SET.exec(text);
  if (m) {
    const values = m[4]!.split(',').map((v) => v.trim());
    if (!values.every((v) => VALUE_ONLY.test(v))) throw new SelectorError(`unable to parse requirement: invalid label value in "${text}"`);
    return { key: m[1]!, operator: m[3] as 'in' | 'notin', values };
  }
  m = NUMERIC.exec(text);
  if (m) return { key: m[1]!, operator: m[3] === '>' ? 'gt' : 'lt', values: [m[4]!] };
  throw new SelectorError(`unable to parse requirement: "${text}"`);
}

/** Parses a labelSelector; the empty selector matches everything. */
export function parseLabelSelector(text: string): LabelRequirement[] {
  if (text.trim() === '') return [];
  return splitRequirements(text).map((part) => {
    if (part === '') throw new SelectorError(`unable to parse requirement: empty requirement in "${text}"`);
    return parseRequirement(part);
  });
}

export function matchesLabels(requirements: readonly LabelRequirement[], labels: Readonly<Record<string, string>> | undefined): boolean {
  for (const r of requirements) {
    const value = labels?.[r.key];
    switch (r.operator) {
      case 'exists':
        if (value === undefined) return false;
        break;
      case 'doesnotexist':
        if (value !== undefined) return false;
        break;
      case 'in':
        if (value === undefined || !r.values.includes(value)) return false;
        break;
      case 'notin':
        if (value !== undefined && r.values.includes(value)) return false;
        break;
      case 'gt':
      case 'lt': {
        // Kubernetes compares as integers and fails the match on a non-integer label.
        if (value === undefined || !/^-?\d+$/.test(value)) return false;
        const n = Number(value);
        const bound = Number(r.values[0]);
        if (r.operator === 'gt' ? !(n > bound) : !(n < bound)) return false;
        break;
      }
    }
  }
  return true;
}

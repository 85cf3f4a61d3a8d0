// fieldSelector as the API server reads it (apimachinery pkg/fields):
// `field=value`, `field==value` or `field!=value`, joined by commas; a
// backslash escapes `,`, `=`, `!` and itself inside a value. Which fields a
// resource can be selected on is the resource's business (resources.ts).
import { SelectorError } from './labelSelector.js';

export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

/** Splits on separators that are not escaped with a backslash. */
function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + text[i + 1];
      i++;
    } else if (ch === separator) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

const unescape = (value: string) => value.replace(/\\(.)/g, '$1');

function parseTerm(term: string): FieldRequirement {
  // Find the first unescaped operator.
  for (let i = 0; i < term.length; i++) {
    const ch = term[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '!' && term[i + 1] === '=') return { field: term.slice(0, i).trim(), operator: '!=', value: unescape(term.slice(i + 2)) };
    if (ch === '=') {
      const skip = term[i + 1] === '=' ? 2 : 1;
      return { field: term.slice(0, i).trim(), operator: '=', value: unescape(term.slice(i + skip)) };
    }
  }
  throw new SelectorError(`invalid selector: '${term}'; can't understand '${term}'`);
}

/** Parses a fieldSelector; the empty selector matches everything. */
export function parseFieldSelector(text: string): FieldRequirement[] {
  if (text.trim() === '') return [];
  return splitUnescaped(text, ',').map(parseTerm);
}

export function matchesFields(requirements: readonly FieldRequirement[], valueOf: (field: string) => string): boolean {
  for (const r of requirements) {
    const value = valueOf(r.field);
    if (r.operator === '=' ? value !== r.value : value === r.value) return false;
  }
  return true;
}

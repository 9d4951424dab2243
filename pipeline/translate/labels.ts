/**
 * The labels in XLIFF: a label's text as a segment whose placeholders (`{{number}}`) are protected
 * `<ph ctype="x-folio-placeholder">` codes, and a changed label written back into its labels file
 * over exactly its JSON string, the rest of the file left byte for byte.
 */
import type { LabelUnit } from '../check/label-units.js';
import type { Token } from './inline.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g;
export const PLACEHOLDER_CTYPE = 'x-folio-placeholder';

/** A label's text as tokens: text, and each placeholder a `ph` named `p:` and its name (`p:number`; a second one `p:number#2`). */
export function labelTokens(text: string): Token[] {
  const tokens: Token[] = [];
  const counts = new Map<string, number>();
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) tokens.push({ t: 'text', v: text.slice(last, match.index) });
    const name = match[1]!;
    const n = (counts.get(name) ?? 0) + 1;
    counts.set(name, n);
    tokens.push({ t: 'ph', id: n === 1 ? `p:${name}` : `p:${name}#${n}`, ctype: PLACEHOLDER_CTYPE, v: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) tokens.push({ t: 'text', v: text.slice(last) });
  return tokens;
}

/**
 * The label a target's tokens say, or why it cannot be one: every code must be one of the source's
 * placeholders, unchanged and used once, and every placeholder of the source must be there (the
 * number a label shows cannot be translated away).
 */
export function labelFromTokens(target: Token[], source: Token[], unitId: string): { text: string } | { refused: string } {
  const known = new Map<string, string>();
  for (const t of source) if (t.t === 'ph') known.set(t.id, t.v);
  const seen = new Set<string>();
  let text = '';
  for (const t of target) {
    if (t.t === 'text') {
      text += t.v;
      continue;
    }
    const code = t.t === 'ph' ? known.get(t.id) : undefined;
    if (!code || t.t !== 'ph' || t.ctype !== PLACEHOLDER_CTYPE) return { refused: `unit \`${unitId}\`: inline code <${t.t === 'open' || t.t === 'close' ? 'g' : t.t} id="${t.id}"> is not one of the label's placeholders: restore it from the source` };
    if (t.v !== code) return { refused: `unit \`${unitId}\`: the content of <ph id="${t.id}"> was changed (it must stay \`${code}\`)` };
    if (seen.has(t.id)) return { refused: `unit \`${unitId}\`: inline code id \`${t.id}\` is used twice` };
    seen.add(t.id);
    text += t.v;
  }
  for (const [id, v] of known) if (!seen.has(id)) return { refused: `unit \`${unitId}\`: the placeholder \`${v}\` is missing from the target: put it back` };
  if (text.trim() === '') return { refused: `unit \`${unitId}\`: the target is empty` };
  return { text };
}

/** A labels file's text with the given labels' new values written over their JSON strings (from the end, so offsets hold). */
export function withLabels(fileText: string, edits: { unit: LabelUnit; text: string }[]): string {
  let out = fileText;
  for (const { unit, text } of edits.slice().sort((x, y) => y.unit.start - x.unit.start)) out = out.slice(0, unit.start) + JSON.stringify(text) + out.slice(unit.end);
  return out;
}

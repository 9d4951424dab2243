/** An official text's change, word by word, for a message: `“public have access” → “public has access”`. */
import { diffWords } from 'diff';

/** At most this many changes are spelled out; the rest are counted. */
const SHOWN = 3;

/** Each change with a word of context on either side, old → new. */
export function wordChanges(before: string, after: string): string[] {
  const parts = diffWords(before, after);
  const changes: string[] = [];
  let i = 0;
  while (i < parts.length) {
    if (!parts[i]!.added && !parts[i]!.removed) {
      i++;
      continue;
    }
    const previous = parts[i - 1];
    let removed = '';
    let added = '';
    for (; i < parts.length && (parts[i]!.added || parts[i]!.removed); i++) {
      if (parts[i]!.added) added += parts[i]!.value;
      else removed += parts[i]!.value;
    }
    const next = parts[i];
    // A word of context either side, joined as written (a change inside `[^label]` stays one word).
    const left = previous ? (/(\S+\s*|\S*)$/.exec(previous.value)?.[0] ?? '') : '';
    const right = next ? (/^(\s*\S+|\s*)/.exec(next.value)?.[0] ?? '') : '';
    const around = (middle: string) => `${left}${middle}${right}`.replace(/\s+/g, ' ').trim();
    changes.push(`“${around(removed)}” → “${around(added)}”`);
  }
  return changes;
}

/** The changes for a message: the first few, then how many more. */
export function describeChange(before: string, after: string): string {
  const changes = wordChanges(before, after);
  if (changes.length === 0) return 'white space changed';
  const shown = changes.slice(0, SHOWN).join('; ');
  return changes.length > SHOWN ? `${shown}; and ${changes.length - SHOWN} more change(s)` : shown;
}

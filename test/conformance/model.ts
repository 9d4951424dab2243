/** Shared types of the conformance suite and the character alignment its checks stand on. */

export interface CheckResult {
  feature: string;
  pass: boolean;
  reason?: string;
}

/**
 * The longest common subsequence of two character sequences: for each index of `want`, the index of
 * `have` it is matched with, or -1. Whitespace is never in these sequences (the callers leave it
 * out), so line breaking, justification and markers do not disturb the match.
 */
export function align(want: readonly string[], have: readonly string[]): number[] {
  const n = want.length;
  const m = have.length;
  const out = new Array<number>(n).fill(-1);
  if (n === 0 || m === 0) return out;
  if (n * m > 24_000_000) {
    // Too large for the table: a greedy forward match.
    let j = 0;
    for (let i = 0; i < n && j < m; i++) {
      let k = j;
      while (k < m && have[k] !== want[i]) k++;
      if (k < m) {
        out[i] = k;
        j = k + 1;
      }
    }
    return out;
  }
  // lengths[i][j] = LCS of want[i..] and have[j..]
  const w = m + 1;
  const lengths = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * w + j] = want[i] === have[j] ? lengths[(i + 1) * w + j + 1]! + 1 : Math.max(lengths[(i + 1) * w + j]!, lengths[i * w + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (want[i] === have[j] && lengths[i * w + j] === lengths[(i + 1) * w + j + 1]! + 1) {
      out[i] = j;
      i++;
      j++;
    } else if (lengths[(i + 1) * w + j]! >= lengths[i * w + j + 1]!) i++;
    else j++;
  }
  return out;
}

/** Unicode whitespace (what the streams leave out). */
export const WS = /\s/u;

export function chars(s: string): string[] {
  return [...s].filter((c) => !WS.test(c));
}

export function quote(s: string, max = 40): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return `“${t.length > max ? t.slice(0, max) + '…' : t}”`;
}

/** URLs compared the way a browser resolves them (case of scheme and host, default path, escapes). */
export function sameUrl(a: string, b: string): boolean {
  const norm = (u: string) => {
    try {
      return new URL(u).href;
    } catch {
      return u;
    }
  };
  return norm(a) === norm(b) || norm(decodeURIComponentSafe(a)) === norm(decodeURIComponentSafe(b));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/**
 * Computes the results' percentages from the raw counts (turnout of registered voters; votes of
 * those who voted; two decimals) and checks the data: the four kinds of ballot add up to the number
 * who voted, and the published percentages, when given, come out of the counts.
 */
import type { Results, ComputedResults } from '../model/types.js';
import type { Diagnostics } from '../util/diagnostics.js';
import { locate, type JsonFile } from '../load/read-json.js';

/** Percentage of `part` in `whole`, rounded half up to two decimals, computed in integers. */
export function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part * 10000) / whole) / 100;
}

export function computeResults(file: JsonFile<Results>, diagnostics: Diagnostics): ComputedResults | undefined {
  const r = file.value;
  if (!r) return undefined;
  const at = (...segments: (string | number)[]) => locate(file.text, file.tree, segments);
  const computed: ComputedResults = {
    ...r,
    turnoutPercent: percent(r.voted, r.registeredVoters),
    inFavourPercent: percent(r.inFavour, r.voted),
    againstPercent: percent(r.against, r.voted),
    invalidPercent: percent(r.invalid, r.voted),
    bothMarkedPercent: percent(r.bothMarked, r.voted),
  };
  const sum = r.inFavour + r.against + r.invalid + r.bothMarked;
  if (sum !== r.voted) {
    diagnostics.error(file.path, `$.voted: in favour + against + invalid + both marked = ${sum}, but voted = ${r.voted} (difference ${r.voted - sum}): correct the counts`, {
      place: at('voted'),
      ruleId: 'results-sum',
    });
  }
  if (r.voted > r.registeredVoters) {
    diagnostics.error(file.path, `$.voted: ${r.voted} voted, more than the ${r.registeredVoters} registered voters`, { place: at('voted'), ruleId: 'results-turnout' });
  }
  if (r.votedWithAbsenteeCertificates > r.voted) {
    diagnostics.error(file.path, `$.votedWithAbsenteeCertificates: larger than the number who voted`, { place: at('votedWithAbsenteeCertificates'), ruleId: 'results-turnout' });
  }
  for (const [key, published] of Object.entries(r.published ?? {})) {
    const value = computed[key as keyof ComputedResults];
    if (typeof value === 'number' && Math.abs(value - published) > 1e-9) {
      diagnostics.error(file.path, `$.published.${key}: the counts give ${value.toFixed(2)}, not the published ${published.toFixed(2)}: correct the counts or the published figure`, {
        place: at('published', key),
        ruleId: 'results-percentage',
      });
    }
  }
  return computed;
}

/**
 * A linear `EditMap.consume` for micromark (micromark-util-edit-map 1.0.0). Upstream copies every
 * event before the first edit on each call; the document tokenizer calls it once per lazy line
 * after a container (a note definition followed by a paragraph, as folio's README advises), so a
 * chapter of n notes cost n × (all its events): 10,000 notes took 190 s to parse. This one rebuilds
 * only the events from the first edit on, and gives the same events in the same order: the edits
 * sorted by index, each removing `remove` events at its index and inserting its own.
 */
import { EditMap } from 'micromark-util-edit-map';

type Change = [number, number, unknown[]];
interface Internals {
  map: Change[];
  index: Map<number, Change>;
}

/** micromark's own, kept for the test that compares the two (test/reliability-fuzz.test.ts). */
export const upstreamConsume = EditMap.prototype.consume;

export function consume(this: Internals, events: unknown[]): void {
  const map = this.map;
  map.sort((a, b) => a[0] - b[0]);
  if (map.length === 0) return;
  const first = map[0]![0];
  const tail: unknown[] = [];
  let at = first;
  for (const [index, remove, add] of map) {
    for (let i = at; i < index; i++) tail.push(events[i]);
    for (const event of add) tail.push(event);
    at = index + remove;
  }
  for (let i = at; i < events.length; i++) tail.push(events[i]);
  events.length = first;
  for (const event of tail) events.push(event);
  map.length = 0;
  this.index.clear();
}

let installed = false;

/** Installs the linear `consume` once (on first parse, not at import). */
export function linearEditMap(): void {
  if (installed) return;
  (EditMap.prototype as unknown as { consume: typeof consume }).consume = consume;
  installed = true;
}

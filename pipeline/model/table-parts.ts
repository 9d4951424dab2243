/**
 * A table too wide for the page even in its smallest type is set as several tables, each with
 * some of its columns and the first column (the row headers) again in front, as printed
 * statistical reports continue a wide table. Both the PDF and the DOCX writer split by this rule,
 * each from its own measure of the columns' narrowest widths (their longest unbreakable words).
 */

/** A column that cannot stand beside the first column in any part: its index and its width. */
export interface UnsplittableColumn {
  column: number;
  width: number;
  /** The room a column has beside the first column. */
  room: number;
}

/** `count` runs of columns whose lengths differ by one at most, if each fits `room`. */
function evenRuns(widths: number[], room: number, count: number): number[][] | undefined {
  const runs: number[][] = [];
  let start = 0;
  for (let k = 0; k < count; k++) {
    const length = Math.floor(widths.length / count) + (k < widths.length % count ? 1 : 0);
    const run = Array.from({ length }, (_, i) => start + i);
    if (run.reduce((w, c) => w + widths[c]!, 0) > room + 0.01) return undefined;
    runs.push(run);
    start += length;
  }
  return runs;
}

/** As many columns to a run as fit `room`, in order. */
function greedyRuns(widths: number[], room: number): number[][] {
  const runs: number[][] = [];
  let used = Infinity;
  widths.forEach((w, c) => {
    if (used + w > room + 0.01) {
      runs.push([]);
      used = 0;
    }
    runs[runs.length - 1]!.push(c);
    used += w;
  });
  return runs;
}

/**
 * The parts of a table whose columns are at least `widths` wide (`widths[0]` the row headers'),
 * in a width of `total`: each part the first column and a run of the others, as few parts as fit
 * and, where they can, the same number of columns in each. A column too wide to stand beside
 * the first one is returned instead, for the writer to refuse the table.
 */
export function columnParts(widths: number[], total: number): number[][] | UnsplittableColumn {
  const [first = 0, ...rest] = widths;
  const room = total - first;
  const widest = rest.findIndex((w) => w > room + 0.01);
  if (rest.length === 0 || widest >= 0) return { column: widest >= 0 ? widest + 1 : 0, width: widest >= 0 ? rest[widest]! : first, room };
  const greedy = greedyRuns(rest, room);
  const runs = evenRuns(rest, room, greedy.length) ?? greedy;
  return runs.map((run) => [0, ...run.map((c) => c + 1)]);
}

/**
 * Why a table is refused, at `place` (`file:line:column`): the column that cannot stand beside the
 * first even at `size` and how many columns fit side by side, from the columns' narrowest widths in
 * points and the text width `total`.
 */
/** A table's place for a message: `file:line:column`, or its line and column when it belongs to no file (a document built from a string). */
export function tablePlace(file: string | undefined, start: { line: number; column: number } | undefined): string {
  const [line, column] = [start?.line ?? 1, start?.column ?? 1];
  return file ? `${file}:${line}:${column}` : `line ${line}, column ${column}`;
}

export function tooWideMessage(place: string, widths: number[], column: number, total: number, size: number): string {
  let fit = 0;
  for (let used = 0; fit < widths.length && used + widths[fit]! <= total + 0.01; fit++) used += widths[fit]!;
  const what = column === 0 ? 'its first column alone' : `its column ${column + 1} beside the first`;
  const need = widths[0]! + (column ? widths[column]! : 0);
  return `${place}: the table is too wide for the page even at ${size.toFixed(1)} pt and split into several tables: ${what} needs ${need.toFixed(0)} pt of ${total.toFixed(0)} pt ` +
    `(${fit} of its ${widths.length} columns fit side by side); shorten the longest word or number of that column, or let it break after a hyphen or slash`;
}

/**
 * Bounded nesting. Quotes, lists, notes and recommendations inside each other, and emphasis or links
 * inside each other, nest at most MAX_NESTING levels. Deeper, micromark's time grows with the square
 * of the depth (a list 400 levels deep takes 20 s to parse, 10,000 quotes or list items overflow its
 * stack), every later step recurses through the tree, and the editions have no room left: each level
 * indents the PDF's text by 18 pt (a quote) or 22 pt (a list), so from about 20 levels the 453 pt
 * column is gone (measured: a 236 KiB chapter of structures 30 levels deep gave a PDF of 1,190 pages,
 * in 11 s and 780 MB). At 16 levels a column of 100 to 170 pt remains.
 *
 * Two checks. Before parsing, `scanNesting` reads the text line by line (linear) and refuses what
 * would make the parser itself slow: a line nested too deep (counting `>`, list markers by their
 * indentation, and open `:::` directives), or a run of more than MAX_RUN delimiter characters
 * (`*`, `_`, `~`, backticks, brackets: 10,000 asterisks take micromark over a minute). After parsing,
 * `limitNesting` measures the tree's real depth and cuts what lies deeper, recording where. Both
 * record their findings in the root's data; parse/source-hygiene.ts reports them as errors.
 */
import type { Root } from 'mdast';
import type { Node, Parent, Point, Position } from 'unist';

export const MAX_NESTING = 16;
export const MAX_RUN = 256;

export interface NestingProblem {
  place: Point | Position;
  message: string;
}

declare module 'mdast' {
  interface RootData {
    /** Nesting beyond the limits, found by parse/nesting.ts (reported by source hygiene). */
    nesting?: NestingProblem[];
  }
}

const FENCE = /^(`{3,}|~{3,})/;
const DIRECTIVE_OPEN = /^:{3,}[A-Za-z]/;
const DIRECTIVE_CLOSE = /^:{3,}\s*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const DELIMITERS = new Set(['*', '_', '~', '`', '[', ']']);

/** The first problem of the text that would make parsing it slow, or undefined. Linear in the text. */
export function scanNesting(text: string): NestingProblem | undefined {
  let fence: { char: string; length: number } | undefined;
  const items: number[] = []; // content columns of the open list items
  let directives = 0;
  let lineStart = 0;
  for (let line = 1; lineStart <= text.length; line++) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const content = text.slice(lineStart, lineEnd);
    const at = (column: number): Point => ({ line, column: column + 1, offset: lineStart + column });
    // The container prefix: indentation, `>` and list markers.
    let i = 0;
    let column = 0;
    let quotes = 0;
    let markers = 0;
    let leading = -1;
    for (;;) {
      while (content[i] === ' ' || content[i] === '\t') column += content[i++] === '\t' ? 4 - (column % 4) : 1;
      if (content[i] === '>') {
        quotes++;
        i++;
        column++;
        continue;
      }
      const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/.exec(content.slice(i, i + 11));
      if (marker && !(markers === 0 && quotes === 0 && THEMATIC_BREAK.test(content))) {
        if (markers === 0 && quotes === 0) leading = column;
        markers++;
        i += marker[0].length;
        column += marker[0].length;
        continue;
      }
      break;
    }
    const rest = content.slice(i);
    if (fence) {
      const close = FENCE.exec(rest);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && rest.slice(close[1]!.length).trim() === '') fence = undefined;
    } else if (FENCE.test(rest)) {
      const open = FENCE.exec(rest)![1]!;
      fence = { char: open[0]!, length: open.length };
    } else {
      if (rest.trim() !== '' || markers > 0) {
        // List items by indentation: a line indented less than an item's content closes it.
        const indent = leading >= 0 ? leading : quotes === 0 ? column : -1;
        if (indent >= 0) while (items.length && items[items.length - 1]! > indent) items.pop();
        if (leading >= 0) items.push(leading + 2);
      }
      if (DIRECTIVE_OPEN.test(rest)) directives++;
      else if (DIRECTIVE_CLOSE.test(rest) && directives > 0) directives--;
      const depth = quotes + directives + (leading >= 0 ? items.length + markers - 1 : markers);
      if (depth > MAX_NESTING) {
        return { place: { start: at(0), end: at(content.length) }, message: `this line is nested about ${depth} levels deep (quotes, lists and recommendations inside each other): folio allows ${MAX_NESTING}; flatten the structure` };
      }
      let run = 1;
      for (let k = i + 1; k <= content.length; k++) {
        if (k < content.length && content[k] === content[k - 1]) {
          run++;
          continue;
        }
        if (run > MAX_RUN && DELIMITERS.has(content[k - 1]!)) {
          return { place: { start: at(k - run), end: at(k) }, message: `a run of ${run} \`${content[k - 1]}\` characters: folio reads runs of at most ${MAX_RUN} (emphasis, code and link markers); escape them (\\${content[k - 1]}) or shorten the run` };
        }
        run = 1;
      }
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** The node types that nest: each one an ancestor is counts a level. */
const NESTING = new Set(['blockquote', 'list', 'footnoteDefinition', 'containerDirective', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

/**
 * Cuts every node nested deeper than MAX_NESTING levels (its children are dropped) and returns where,
 * at most ten places. Iterative: a tree of any depth is walked without recursion.
 */
export function limitNesting(tree: Root): NestingProblem[] {
  const problems: NestingProblem[] = [];
  const stack: [Node, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    const level = depth + (NESTING.has(node.type) ? 1 : 0);
    const children = (node as Partial<Parent>).children;
    if (!children) continue;
    if (level > MAX_NESTING) {
      if (problems.length < 10) {
        const place = node.position ?? { line: 1, column: 1 };
        problems.push({ place, message: `nested more than ${MAX_NESTING} levels deep (quotes, lists, notes, recommendations, emphasis or links inside each other): flatten the structure` });
      }
      (node as Parent).children = [];
      continue;
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, level]);
  }
  return problems;
}

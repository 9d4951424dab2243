/**
 * Typst markup from Pandoc's JSON document (`pandoc -t json`; Pandoc 2.17 here has no Typst writer
 * of its own), so that Typst sets the very text XeLaTeX gets: paragraphs, headings, lists, quotes,
 * tables and notes. Links keep only their text and pictures are left out: what is compared is how
 * the text is broken into lines, not the figures. Text is escaped character by character.
 */

interface Node { t: string; c?: unknown }

const SPECIAL = /[\\*_`$#[\]<>@~=\-+/'"]/g;
const escape = (s: string) => s.replace(SPECIAL, (c) => `\\${c}`);

function inlines(list: Node[]): string {
  return list.map(inline).join('');
}

function wrap(fn: string, content: Node[]): string {
  return `#${fn}[${inlines(content)}]`;
}

function inline(n: Node): string {
  const c = n.c as never;
  switch (n.t) {
    case 'Str': return escape(c);
    case 'Space': case 'SoftBreak': return ' ';
    case 'LineBreak': return ' \\ ';
    case 'Emph': return wrap('emph', c);
    case 'Strong': return wrap('strong', c);
    case 'Underline': return wrap('underline', c);
    case 'Strikeout': return wrap('strike', c);
    case 'Superscript': return wrap('super', c);
    case 'Subscript': return wrap('sub', c);
    case 'SmallCaps': return wrap('smallcaps', c);
    case 'Quoted': {
      const [kind, content] = c as [Node, Node[]];
      return kind.t === 'SingleQuote' ? `‘${inlines(content)}’` : `“${inlines(content)}”`;
    }
    case 'Cite': return inlines((c as [unknown, Node[]])[1]);
    case 'Code': return `#raw(${JSON.stringify((c as [unknown, string])[1])})`;
    case 'Math': return escape((c as [unknown, string])[1]);
    case 'Link': case 'Span': return inlines((c as [unknown, Node[]])[1]);
    case 'Note': return `#footnote[${blocks(c)}]`;
    default: return ''; // RawInline, Image
  }
}

const items = (fn: string, list: Node[][]) => `#${fn}(${list.map((b) => `[${blocks(b)}]`).join(', ')})`;

function table(c: unknown[]): string {
  const [, , specs, head, bodies, foot] = c as [unknown, unknown, unknown[], [unknown, Row[]], [unknown, unknown, Row[], Row[]][], [unknown, Row[]]];
  const rows = [...head[1], ...bodies.flatMap((b) => [...b[2], ...b[3]]), ...foot[1]];
  const cells = rows.flatMap((r) => r[1].map((cell) => `[${blocks(cell[4])}]`));
  return `#table(columns: ${specs.length}, ${cells.join(', ')})`;
}
type Row = [unknown, [unknown, unknown, unknown, unknown, Node[]][]];

function block(n: Node): string {
  const c = n.c as never;
  switch (n.t) {
    case 'Plain': case 'Para': return inlines(c).replace(/^(\d+)\./, '$1\\.');
    case 'Header': {
      const [level, , content] = c as [number, unknown, Node[]];
      return `${'='.repeat(level)} ${inlines(content)}`;
    }
    case 'BlockQuote': return `#quote(block: true)[${blocks(c)}]`;
    case 'BulletList': return items('list', c);
    case 'OrderedList': return items('enum', (c as [unknown, Node[][]])[1]);
    case 'Div': return blocks((c as [unknown, Node[]])[1]);
    case 'LineBlock': return (c as Node[][]).map(inlines).join(' \\ ');
    case 'CodeBlock': return `#raw(block: true, ${JSON.stringify((c as [unknown, string])[1])})`;
    case 'Table': return table(c);
    case 'HorizontalRule': return '#line(length: 100%)';
    default: return ''; // RawBlock, DefinitionList (none in a folio report), Null
  }
}

function blocks(list: Node[]): string {
  return list.map(block).filter(Boolean).join('\n\n');
}

/** The document's body as Typst markup. */
export function typstMarkup(pandocJson: string): string {
  return blocks((JSON.parse(pandocJson) as { blocks: Node[] }).blocks);
}

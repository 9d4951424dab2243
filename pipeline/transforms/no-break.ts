/**
 * Keeps together what a line must not separate (`5 June`, `50 per cent`, `Article 10`, `10-бап`,
 * `A. B. Smith`, `49–54`), by the edition's language's rules (no-break-rules.ts): the space becomes
 * a no-break space, a hyphen or dash gets a word joiner after it. In the model, so every writer
 * gets the same text: the PDF's word builder splits words at ordinary white space only, HTML and
 * DOCX carry the characters. Text in code is never touched (code is not a `text` node), nor a URL
 * or an e-mail address written in the text. Runs after cross-references are resolved, so the
 * words they generate (`recommendation 7`) are kept together too; the outline's heading texts (the
 * contents, the bookmarks) get the same rules as the headings. Translation states and XLIFF are
 * computed on the source text, not on the model, so they do not see these characters.
 */
import type { Link, Text } from 'mdast';
import type { Node } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { TransformContext } from './context.js';
import { noBreakRules, type NoBreakRule } from './no-break-rules.js';

/** URLs and e-mail addresses inside text: left exactly as written. */
const VERBATIM = /(?:https?:\/\/|www\.)[^\s]+|(?<!\S)[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]+/giu; // bounded: no quadratic backtracking on a long token

/** `text` with the rules applied outside its URLs and e-mail addresses. */
export function applyNoBreakRules(text: string, rules: NoBreakRule[]): string {
  let out = '';
  let from = 0;
  const apply = (part: string) => rules.reduce((t, rule) => t.replace(rule.pattern, rule.replacement), part);
  for (const m of text.matchAll(VERBATIM)) {
    out += apply(text.slice(from, m.index)) + m[0];
    from = m.index + m[0].length;
  }
  return out + apply(text.slice(from));
}

/** A link that shows its own address (an autolink): its text is the URL. */
function showsAddress(link: Link): boolean {
  const text = link.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
  return text === link.url || `mailto:${text}` === link.url;
}

export function noBreakSpaces({ edition, tree }: TransformContext): void {
  const rules = noBreakRules(edition.lang);
  const walk = (root: Node) =>
    visit(root, (node: Node) => {
      if (node.type === 'link' && showsAddress(node as Link)) return SKIP;
      if (node.type === 'text') (node as Text).value = applyNoBreakRules((node as Text).value, rules);
      return undefined;
    });
  walk(tree);
  for (const note of edition.notes) walk(note.definition); // taken out of the tree by collectNotes
  // The contents, the outline and the PDF's bookmarks show the headings' text as the outline has it.
  for (const entry of edition.outline) entry.text = applyNoBreakRules(entry.text, rules);
}


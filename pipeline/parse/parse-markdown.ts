/**
 * Parses one Markdown chapter into mdast: CommonMark + GFM (footnotes, tables) + block directives.
 *
 * Only block directives (`:::recommendation`, `::recommendations`): remark-directive's text
 * directives would make ordinary text such as `10:30`, `Алматы:Астана` or `Almaty:Astana[^note]`
 * into directives and swallow a note citation, so that construct is left out.
 *
 * Time and depth are bounded: text nested too deep, or with a pathological run of delimiters, is
 * refused before micromark reads it, and what the tree nests deeper than the limit is cut
 * (parse/nesting.ts; source hygiene reports both). And micromark's edit map is given a linear
 * `consume` (parse/edit-map.ts): notes defined after each paragraph, as folio advises, made parsing
 * quadratic (10,000 in a chapter took 190 s).
 *
 * A note citation right after a bare URL is given back to the text (parse/autolink-citations.ts).
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { directive } from 'micromark-extension-directive';
import { directiveFromMarkdown } from 'mdast-util-directive';
import type { Root } from 'mdast';
import { limitNesting, scanNesting } from './nesting.js';
import { linearEditMap } from './edit-map.js';
import { citationsAfterAutolinks } from './autolink-citations.js';

function remarkBlockDirectives(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ flow: directive().flow });
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkBlockDirectives).freeze();

export function parseMarkdown(text: string): Root {
  const refused = scanNesting(text);
  if (refused) return { type: 'root', children: [], data: { nesting: [refused] } };
  linearEditMap();
  const tree = processor.runSync(processor.parse(text)) as Root;
  citationsAfterAutolinks(tree);
  const nesting = limitNesting(tree);
  if (nesting.length) (tree.data ??= {}).nesting = nesting;
  return tree;
}

/** Parses one Markdown chapter into mdast: CommonMark + GFM (footnotes, tables) + directives. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import type { Root } from 'mdast';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();

export function parseMarkdown(text: string): Root {
  return processor.runSync(processor.parse(text)) as Root;
}

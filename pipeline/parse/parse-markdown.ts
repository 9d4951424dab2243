/**
 * Parses one Markdown chapter into mdast: CommonMark + GFM (footnotes, tables) + block directives.
 *
 * Only block directives (`:::recommendation`, `::recommendations`): remark-directive's text
 * directives would make ordinary text such as `10:30`, `Алматы:Астана` or `Almaty:Astana[^note]`
 * into directives and swallow a note citation, so that construct is left out.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { directive } from 'micromark-extension-directive';
import { directiveFromMarkdown } from 'mdast-util-directive';
import type { Root } from 'mdast';

function remarkBlockDirectives(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ flow: directive().flow });
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkBlockDirectives).freeze();

export function parseMarkdown(text: string): Root {
  return processor.runSync(processor.parse(text)) as Root;
}

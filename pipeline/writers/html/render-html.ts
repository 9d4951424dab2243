/**
 * The HTML edition: one self-contained, valid, accessible page. mdast → hast with folio's handlers,
 * notes after each chapter, sanitised against an allow-list, placed in the Handlebars page shell
 * with the stylesheet inlined.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { sanitize, defaultSchema, type Schema } from 'hast-util-sanitize';
import type { Edition, ResolvedChapter } from '../../model/types.js';
import { handlers as makeHandlers } from './handlers.js';
import { notesBlock, notesFirstCitedIn, renderNote } from './notes.js';
import { template } from '../../util/templates.js';

/** What may reach the page: the elements and attributes folio's writer makes, nothing else. */
const schema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: [],
  tagNames: [
    'section', 'aside', 'nav', 'header', 'div', 'span', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'em', 'strong', 'del', 'code',
    'pre', 'blockquote', 'ol', 'ul', 'li', 'sup', 'sub', 'br', 'hr', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'img',
    'figure', 'figcaption', 'svg', 'title', 'desc', 'rect', 'text', 'input',
  ],
  attributes: {
    '*': ['id', 'className', 'role', 'ariaLabel', 'ariaLabelledBy', 'lang', 'dir'],
    a: ['href', 'hrefLang', 'rel'],
    div: ['tabIndex'],
    li: ['value'],
    ol: ['start'],
    th: ['scope'],
    img: ['src', 'alt', 'width', 'height'],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    code: [['className', /^language-/]],
    svg: ['viewBox'],
    rect: ['x', 'y', 'width', 'height'],
    text: ['x', 'y'],
  },
  required: {},
  strip: ['script', 'style'],
  // Schemes compare case-sensitively here; CommonMark keeps `MAILTO:` as written.
  protocols: { href: ['http', 'https', 'mailto', 'HTTP', 'HTTPS', 'MAILTO'], src: ['data'] },
};

/** A CSS string literal: quotes, backslashes and line ends escaped, `<` too (it stands in a <style>). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\A ').replace(/</g, '\\3C ')}"`;
}

export interface HtmlOptions {
  templatesDir: string;
  /** Other editions of the report: language code → relative URL, for alternates and the switch. */
  alternates: { lang: string; name: string; href: string }[];
}

export function renderHtml(edition: Edition, options: HtmlOptions): string {
  let handlers: ReturnType<typeof makeHandlers>;
  const onChapter = (chapter: ResolvedChapter, content: ElementContent[]): Element => {
    const heading = content.find((c): c is Element => c.type === 'element' && /^h[1-6]$/.test(c.tagName));
    const notes = notesBlock(edition, notesFirstCitedIn(edition, chapter.children), handlers);
    return {
      type: 'element',
      tagName: 'section',
      properties: { className: ['chapter'], ariaLabelledBy: heading?.properties.id ? [String(heading.properties.id)] : undefined },
      children: [...content, ...notes],
    };
  };
  handlers = makeHandlers(edition, onChapter);
  const tree = toHast(edition.root, { handlers }) as HastRoot;
  // Chapters without a heading (the title note's chapter) add nothing visible.
  tree.children = tree.children.filter((c) => !(c.type === 'element' && c.tagName === 'section' && c.children.length === 0));
  const body = toHtml(sanitize(tree, schema));

  const titleNote = edition.titleNote;
  const titleNoteRef = titleNote
    ? toHtml(sanitize(handlers.footnoteReference!({} as never, { type: 'footnoteReference', identifier: titleNote.id, label: titleNote.label, data: { number: titleNote.number, anchor: titleNote.citationAnchor, noteAnchor: titleNote.anchor } } as never, undefined) as Element, schema))
    : '';
  const titleNotes = titleNote ? toHtml(sanitize({ type: 'root', children: [renderNote(edition, titleNote, handlers)] }, schema)) : '';

  const contents = edition.outline
    .filter((e) => e.depth <= 2)
    .map((e) => ({ id: e.id, depth: e.depth, numeral: e.numeral, label: e.label ?? '', text: e.text }));
  const css = readFileSync(join(options.templatesDir, 'html', 'style.css'), 'utf8');
  return template(options.templatesDir, 'html/page.hbs')({
    lang: edition.lang,
    locale: edition.labels.locale,
    officialLanguage: edition.meta.officialLanguage,
    documentTitle: edition.furniture.documentTitle,
    // The print edition's running head and page numbers, in the page margins (CSS strings).
    printHeader: cssString(edition.furniture.runningHeader.join(' — ')),
    printPageBefore: cssString(edition.furniture.pageLabel.before),
    printPageAfter: cssString(edition.furniture.pageLabel.after),
    labels: edition.labels,
    text: edition.text,
    eventDate: edition.eventDateText,
    titleNoteRef,
    titleNotes,
    contents,
    body,
    css,
    alternates: options.alternates,
    draft: edition.draft,
    generator: 'folio',
  });
}

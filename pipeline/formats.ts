/** The edition formats folio can write, and how each is rendered. Writers load lazily. */
import type { Edition } from './model/types.js';

export interface RenderContext {
  templatesDir: string;
  editions: Edition[];
}

export interface Format {
  name: string;
  extension: string;
  render(edition: Edition, context: RenderContext): Promise<string | Uint8Array>;
}

const LANGUAGE_NAMES = (editions: Edition[]) => new Map(editions.map((e) => [e.lang, e.labels.languageName]));

export const formats: Format[] = [
  {
    name: 'html',
    extension: 'html',
    async render(edition, { templatesDir, editions }) {
      const { renderHtml } = await import('./render/html/render-html.js');
      const names = LANGUAGE_NAMES(editions);
      const alternates = editions
        .filter((e) => e.lang !== edition.lang)
        .map((e) => ({ lang: e.lang, name: names.get(e.lang) ?? e.lang, href: `../${e.lang}/report.html` }));
      return renderHtml(edition, { templatesDir, alternates });
    },
  },
  {
    name: 'docx',
    extension: 'docx',
    async render(edition, { templatesDir }) {
      const { renderDocx } = await import('./render/docx/render-docx.js');
      return renderDocx(edition, templatesDir);
    },
  },
  {
    name: 'pdf',
    extension: 'pdf',
    async render(edition, { templatesDir }) {
      const { renderPdf } = await import('./render/pdf/render-pdf.js');
      return renderPdf(edition, templatesDir);
    },
  },
];

export const formatNames = formats.map((f) => f.name);

/** The edition formats folio can write, and how each is rendered. Writers load lazily. */
import type { Edition } from '../model/types.js';

export interface RenderContext {
  templatesDir: string;
  /** Every edition's language and its name, for the HTML language switch. */
  languages: { lang: string; name: string }[];
  /** A Word document whose styles, page and fonts the DOCX takes (else the templates' reference.docx, if any). */
  referenceDoc?: string;
}

export interface Format {
  name: string;
  extension: string;
  render(edition: Edition, context: RenderContext): Promise<string | Uint8Array>;
}

export const formats: Format[] = [
  {
    name: 'html',
    extension: 'html',
    async render(edition, { templatesDir, languages }) {
      const { renderHtml } = await import('./html/render-html.js');
      const alternates = languages.filter((l) => l.lang !== edition.lang).map((l) => ({ ...l, href: `../${l.lang}/report.html` }));
      return renderHtml(edition, { templatesDir, alternates });
    },
  },
  {
    name: 'docx',
    extension: 'docx',
    async render(edition, { templatesDir, referenceDoc }) {
      const { renderDocx } = await import('./docx/render-docx.js');
      const { loadReferenceDoc } = await import('./docx/reference-doc.js');
      const reference = loadReferenceDoc(referenceDoc, templatesDir);
      return renderDocx(edition, templatesDir, reference ? { reference } : {});
    },
  },
  {
    name: 'pdf',
    extension: 'pdf',
    async render(edition, { templatesDir }) {
      const { renderPdf } = await import('./pdf/render-pdf.js');
      return renderPdf(edition, templatesDir);
    },
  },
];

export const formatNames = formats.map((f) => f.name);

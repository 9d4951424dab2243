/**
 * The Matterhorn conditions on annotations, on what the file must not use, and on fonts
 * (checkpoints 10, 20, 21, 25, 26, 28, 30, 31; ISO 14289-1 clauses 7.10–7.21), the second half of
 * the PDF/UA checker (matterhorn.ts has the first). Checkpoint 31's conditions are named by what
 * they check rather than by number.
 */
import { text } from './pdf-objects.js';
import { codesOf, type FontRead } from './pdf-fonts.js';
import type { TaggedPdf } from './pdf-tagged.js';
import type { Check } from './matterhorn.js';

const annotations = (t: TaggedPdf) => t.pages.flatMap((p) => p.annotations.map((a) => ({ ...a, page: p })));

function annotationChecks(): Check[] {
  return [
    {
      id: '28-002', clause: '7.18.1-1, 7.18.2, 7.18.4', what: 'no annotation but links (none needs an Annot element, none is a TrapNet, widget or printer’s mark: 28-002, 28-004…010, 28-017)',
      run: (t) => annotations(t).filter((a) => a.dict['/Subtype'] !== '/Link').map((a) => `page ${a.page.number}: ${String(a.dict['/Subtype'])}`),
    },
    {
      id: '28-008', clause: '7.18.3-1', what: 'every page with annotations has Tabs S (28-008, 28-009)',
      run: (t) => t.pages.filter((p) => p.annotations.length && p.dict['/Tabs'] !== '/S').map((p) => `page ${p.number}: Tabs ${String(p.dict['/Tabs'])}`),
    },
    {
      id: '28-011', clause: '7.18.5-1', what: 'every link annotation in a Link element: its StructParent leads there, and the element holds it (OBJR)',
      run(t) {
        const root = t.pdf.dict(t.pdf.catalog['/StructTreeRoot']);
        const tree = new Map(t.pdf.tree(root?.['/ParentTree'], '/Nums').map(([k, v]) => [k as number, v]));
        const out: string[] = [];
        for (const a of annotations(t).filter((x) => x.dict['/Subtype'] === '/Link')) {
          const key = a.dict['/StructParent'];
          const owner = typeof key === 'number' ? t.byRef.get(tree.get(key) as string) : undefined;
          if (owner?.type !== 'Link') out.push(`page ${a.page.number}: ${a.ref} ${owner ? `in ${owner.type}` : 'has no StructParent in the parent tree'}`);
          else if (!owner.kids.some((k) => k.kind === 'objr' && k.obj === a.ref && (k.page ?? a.page.ref) === a.page.ref)) out.push(`page ${a.page.number}: ${owner.ref} does not hold ${a.ref}`);
        }
        return out;
      },
    },
    {
      id: '28-012', clause: '7.18.5-2', what: 'every link annotation says where it goes (Contents)',
      run: (t) => annotations(t).filter((a) => a.dict['/Subtype'] === '/Link' && !text(a.dict['/Contents'])?.trim()).map((a) => `page ${a.page.number}: ${a.ref}`),
    },
  ];
}

function fileChecks(): Check[] {
  return [
    {
      id: '20-001', clause: '7.10, 7.11, 7.15, 7.16', what: 'no optional content (20-001…003), embedded files (21-001), XFA (25-001), encryption (26-001)',
      run(t) {
        const names = t.pdf.dict(t.pdf.catalog['/Names']);
        return [
          ...(t.pdf.catalog['/OCProperties'] ? ['OCProperties'] : []),
          ...(names?.['/EmbeddedFiles'] ? ['EmbeddedFiles'] : []),
          ...(t.pdf.catalog['/AcroForm'] ? ['AcroForm'] : []),
          ...(t.pdf.trailer['/Encrypt'] ? ['Encrypt'] : []),
        ];
      },
    },
    {
      id: '30-001', clause: '7.20-1, -2', what: 'no form XObjects at all (folio draws none): none a reference XObject (30-001), none tagged twice (30-002)',
      run: (t) => [...t.pdf.all()].flatMap(([ref, v]) => (v && typeof v === 'object' && !Array.isArray(v) && v['/Subtype'] === '/Form' ? [`form XObject ${ref}${v['/Ref'] ? ' (a reference XObject)' : ''}`] : [])),
    },
  ];
}

/** Each shown glyph once per font: the font and its character code, with the page first showing it. */
function shownCodes(t: TaggedPdf): { font: FontRead; code: number; page: number }[] {
  const seen = new Map<string, { font: FontRead; code: number; page: number }>();
  for (const p of t.pages) {
    for (const d of p.content.drawn) {
      const font = d.kind === 'text' ? p.fonts.get(d.font ?? '') : undefined;
      if (!font) continue;
      for (const code of codesOf(font, d.bytes!)) if (!seen.has(`${font.ref}/${code}`)) seen.set(`${font.ref}/${code}`, { font, code, page: p.number });
    }
  }
  return [...seen.values()];
}

const fontName = (f: FontRead) => String(f.dict['/BaseFont']).replace(/^\/[A-Z]{6}\+/, '');

function fontChecks(): Check[] {
  return [
    {
      id: '10-001', clause: '7.21.7-1, -2', what: 'every shown character code maps to Unicode, none to U+0000, U+FEFF or U+FFFE (and checkpoint 31’s ToUnicode conditions)',
      run: (t) => shownCodes(t).flatMap(({ font, code, page }) => {
        const u = font.toUnicode?.get(code);
        return !u ? [`page ${page}: ${fontName(font)} code ${code} maps to nothing`] : /[\u0000\ufeff\ufffe]/.test(u) ? [`${fontName(font)} code ${code} maps to U+${u.codePointAt(0)!.toString(16)}`] : [];
      }),
    },
    {
      id: '31 embedding', clause: '7.21.3, 7.21.4', what: 'every font embedded, composite fonts Identity-H with a CIDToGIDMap, no CIDSet',
      run: (t) => [...new Set(t.pages.flatMap((p) => [...p.fonts.values()]))].flatMap((f) => [
        ...(f.descriptor?.['/FontFile2'] || f.descriptor?.['/FontFile3'] || f.descriptor?.['/FontFile'] ? [] : [`${fontName(f)} not embedded`]),
        ...(f.dict['/Subtype'] === '/Type0' && f.dict['/Encoding'] !== '/Identity-H' ? [`${fontName(f)} encoding ${String(f.dict['/Encoding'])}`] : []),
        ...(f.descendant?.['/Subtype'] === '/CIDFontType2' && !f.descendant['/CIDToGIDMap'] ? [`${fontName(f)} without CIDToGIDMap`] : []),
        ...(f.descriptor?.['/CIDSet'] ? [`${fontName(f)} has a CIDSet (folio writes none; one must list every glyph)`] : []),
      ]),
    },
    {
      id: '31 glyphs', clause: '7.21.4.1-2, 7.21.5, 7.21.8', what: 'every shown glyph in the embedded program, not .notdef, its width in the dictionary the program’s within 1/1000 em',
      run: (t) => shownCodes(t).flatMap(({ font, code, page }) => {
        const program = font.program;
        if (!program || font.descendant?.['/CIDToGIDMap'] !== '/Identity') return [`page ${page}: ${fontName(font)} cannot be compared (no TrueType program or no Identity map)`];
        if (code === 0) return [`page ${page}: ${fontName(font)} shows .notdef`];
        if (code >= program.numGlyphs) return [`page ${page}: ${fontName(font)} glyph ${code} not in the program`];
        const fromProgram = (program.advance(code) * 1000) / program.unitsPerEm;
        const fromDict = font.widths.get(code);
        return fromDict === undefined || Math.abs(fromDict - fromProgram) > 1 ? [`${fontName(font)} glyph ${code}: W ${fromDict} against ${fromProgram.toFixed(2)}`] : [];
      }),
    },
  ];
}

export { annotationChecks, fileChecks, fontChecks, shownCodes };

/**
 * A PDF/UA-1 checker for the tests, after the Matterhorn Protocol 1.1 (PDF Association): every
 * failure condition a machine can decide that folio's PDFs could meet, each with its Matterhorn
 * number and its clause of ISO 14289-1 (the numbering of veraPDF's profile), run on a file read
 * back through qpdf (pdf-tagged.ts). A check returns what fails, one line each; none is a pass.
 * The conditions only a person can judge are listed in the README ("Standards").
 */
import type { Operand } from './pdf-content.js';
import { isRef, text, type PdfValue } from './pdf-objects.js';
import { codesOf } from './pdf-fonts.js';
import { children, type StructElem, type TaggedPdf } from './pdf-tagged.js';

export interface Check {
  id: string;
  clause: string;
  what: string;
  run(t: TaggedPdf): string[];
}

/** The standard structure types of ISO 32000-1, 14.8.4. */
export const STANDARD_TYPES = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(' '),
);

const mcidOf = (marks: { tag: string; properties?: { [k: string]: Operand } }[]) => marks.map((m) => m.properties?.MCID).filter((v): v is number => typeof v === 'number');

/** Parent tree entries: a page's key → the elements by MCID; an annotation's key → its element. */
function parentTree(t: TaggedPdf): Map<number, PdfValue> {
  const root = t.pdf.dict(t.pdf.catalog['/StructTreeRoot']);
  return new Map(t.pdf.tree(root?.['/ParentTree'], '/Nums').map(([k, v]) => [k as number, v]));
}

/** An element's attribute (in its A dictionary, or one of an array of them). */
export function attribute(t: TaggedPdf, e: StructElem, key: string): PdfValue | undefined {
  const a = t.pdf.value(e.dict['/A']);
  const dicts = Array.isArray(a) ? a.map((x) => t.pdf.dict(x)) : [t.pdf.dict(a)];
  return dicts.map((d) => d?.[key]).find((v) => v !== undefined);
}

const at = (e: StructElem) => `${e.type} ${e.ref}`;
const kidTypes = (e: StructElem) => children(e).map((c) => c.type);

function syntax(t: TaggedPdf, rules: Record<string, { parents?: string[]; kids?: string[] }>): string[] {
  const out: string[] = [];
  for (const e of t.elements) {
    const rule = rules[e.type];
    if (!rule) continue;
    if (rule.parents && !rule.parents.includes(e.parent?.type ?? '')) out.push(`${at(e)} in ${e.parent?.type ?? 'the root'}`);
    const wrong = kidTypes(e).filter((k) => rule.kids && !rule.kids.includes(k));
    if (wrong.length) out.push(`${at(e)} holds ${wrong.join(', ')}`);
  }
  return out;
}

/** The drawn operators that stand in marked content of one kind inside the other (tagged: with an MCID). */
function nested(t: TaggedPdf, outer: 'tagged' | 'Artifact', inner: 'tagged' | 'Artifact'): string[] {
  const is = (kind: string, m: { tag: string; properties?: { [k: string]: Operand } }) => (kind === 'Artifact' ? m.tag === 'Artifact' : m.properties?.MCID !== undefined);
  return t.pages.flatMap((p) =>
    p.content.drawn
      .filter((d) => {
        const first = d.marks.findIndex((m) => is(outer, m));
        return first >= 0 && d.marks.slice(first + 1).some((m) => is(inner, m));
      })
      .map((d) => `page ${p.number}: ${d.kind} (${d.op})`),
  );
}

function contentChecks(): Check[] {
  return [
    {
      id: '01-005', clause: '7.1-3', what: 'content is neither an artifact nor tagged (every MCID claimed by its element through the parent tree)',
      run(t) {
        const tree = parentTree(t);
        const out: string[] = [];
        for (const page of t.pages) {
          const marks = t.pdf.array(tree.get(t.pdf.dict(page.ref)?.['/StructParents'] as number));
          for (const d of page.content.drawn) {
            if (d.marks.some((m) => m.tag === 'Artifact')) continue;
            const mcid = mcidOf(d.marks).at(-1);
            const owner = mcid === undefined ? undefined : t.byRef.get(marks[mcid] as string);
            const claimed = owner?.kids.some((k) => k.kind === 'mcid' && k.mcid === mcid && k.page === page.ref);
            if (!claimed) out.push(`page ${page.number}: ${d.kind} (${d.op}) ${mcid === undefined ? 'untagged' : `MCID ${mcid} claimed by no element`}`);
          }
          out.push(...page.content.unbalanced.map((u) => `page ${page.number}: ${u}`));
        }
        return out;
      },
    },
    { id: '01-003', clause: '7.1-1', what: 'artifact inside tagged content', run: (t) => nested(t, 'tagged', 'Artifact') },
    { id: '01-004', clause: '7.1-2', what: 'tagged content inside an artifact', run: (t) => nested(t, 'Artifact', 'tagged') },
    {
      id: '01-007', clause: '7.1-4', what: 'MarkInfo Marked true, Suspects not true',
      run(t) {
        const info = t.pdf.dict(t.pdf.catalog['/MarkInfo']);
        return [...(info?.['/Marked'] === true ? [] : ['MarkInfo Marked is not true']), ...(info?.['/Suspects'] === true ? ['Suspects is true'] : [])];
      },
    },
    {
      id: '02-001', clause: '7.1-5…7', what: 'structure types standard (02-001, 02-003, 02-004: nothing to map, nothing remapped); every element has its parent',
      run(t) {
        const root = t.pdf.dict(t.pdf.catalog['/StructTreeRoot']);
        const roleMap = Object.keys(t.pdf.dict(root?.['/RoleMap']) ?? {}).map((k) => k.slice(1));
        return [
          ...(root ? [] : ['no StructTreeRoot']),
          ...t.elements.filter((e) => !STANDARD_TYPES.has(e.type)).map((e) => `non-standard type ${at(e)}`),
          ...roleMap.filter((k) => STANDARD_TYPES.has(k)).map((k) => `standard type ${k} remapped`),
          ...t.elements.filter((e) => !isRef(e.dict['/P'])).map((e) => `${at(e)} has no P`),
        ];
      },
    },
  ];
}

function metadataChecks(): Check[] {
  return [
    { id: '06-001', clause: '7.1-8', what: 'the catalog has an XMP metadata stream', run: (t) => (t.xmp ? [] : ['no Metadata stream']) },
    { id: '06-002', clause: '5', what: 'the XMP says pdfuaid:part 1', run: (t) => (/<pdfuaid:part>1<\/pdfuaid:part>|pdfuaid:part="1"/.test(t.xmp ?? '') ? [] : ['no pdfuaid:part 1']) },
    { id: '06-003', clause: '7.1-9', what: 'the XMP has a dc:title', run: (t) => (/<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>[^<]+<\/rdf:li>/.test(t.xmp ?? '') ? [] : ['no dc:title']) },
    {
      id: '07-001', clause: '7.1-10', what: 'ViewerPreferences DisplayDocTitle true (07-001, 07-002)',
      run: (t) => (t.pdf.dict(t.pdf.catalog['/ViewerPreferences'])?.['/DisplayDocTitle'] === true ? [] : ['DisplayDocTitle is not true']),
    },
    {
      id: '11-001', clause: '7.2-34, 7.2-29', what: 'natural language: a valid Lang on the catalog (11-001 text, 11-002 Alt, 11-003 outline, 11-004 Contents, 11-006 metadata), and on every element that has one',
      run(t) {
        const valid = (v: PdfValue | undefined) => /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(text(v) ?? '');
        return [...(valid(t.pdf.catalog['/Lang']) ? [] : [`catalog Lang ${String(t.pdf.catalog['/Lang'])}`]), ...t.elements.filter((e) => e.dict['/Lang'] !== undefined && !valid(e.dict['/Lang'])).map(at)];
      },
    },
  ];
}

function headingChecks(): Check[] {
  const levels = (t: TaggedPdf) => t.elements.filter((e) => /^H[1-6]$/.test(e.type)).map((e) => ({ e, level: Number(e.type.slice(1)) }));
  return [
    { id: '14-002', clause: '7.4.2-1', what: 'the first numbered heading is H1', run: (t) => (levels(t)[0]?.level === 1 ? [] : [`first heading ${levels(t)[0]?.e.type ?? 'none'}`]) },
    {
      id: '14-003', clause: '7.4.2-1', what: 'no heading level skipped',
      run: (t) => levels(t).flatMap((h, i, all) => (i > 0 && h.level > all[i - 1]!.level + 1 ? [`${at(h.e)} after ${all[i - 1]!.e.type}`] : [])),
    },
    { id: '14-006', clause: '7.4.4-1', what: 'at most one H per node', run: (t) => t.elements.filter((e) => kidTypes(e).filter((k) => k === 'H').length > 1).map(at) },
    { id: '14-007', clause: '7.4.4-2, -3', what: 'not both H and H1–H6', run: (t) => (t.elements.some((e) => e.type === 'H') && levels(t).length ? ['both H and Hn'] : []) },
  ];
}

function elementChecks(): Check[] {
  return [
    {
      id: '09-004', clause: '7.2-3…15, 36…43', what: 'table elements as ISO 32000-1 Table 337 has them, rows of equal width',
      run(t) {
        const rows = ['Table', 'THead', 'TBody', 'TFoot'];
        const out = syntax(t, { Table: { kids: ['TR', 'THead', 'TBody', 'TFoot', 'Caption'] }, THead: { parents: ['Table'], kids: ['TR'] }, TBody: { parents: ['Table'], kids: ['TR'] }, TFoot: { parents: ['Table'], kids: ['TR'] }, TR: { parents: rows, kids: ['TH', 'TD'] }, TH: { parents: ['TR'] }, TD: { parents: ['TR'] } });
        for (const table of t.elements.filter((e) => e.type === 'Table')) {
          const widths = new Set(table.kids.flatMap((k) => (k.kind === 'element' ? (k.element.type === 'TR' ? [k.element] : children(k.element)) : [])).map((r) => children(r).length));
          if (widths.size > 1) out.push(`${at(table)} has rows of ${[...widths].join(', ')} cells`);
        }
        return out;
      },
    },
    { id: '09-005', clause: '7.2-17…20, 40', what: 'list elements as ISO 32000-1 Table 336 has them', run: (t) => syntax(t, { L: { kids: ['L', 'LI', 'Caption'] }, LI: { parents: ['L'], kids: ['Lbl', 'LBody'] }, LBody: { parents: ['LI'] } }) },
    {
      id: '09-006', clause: '7.2-26…28', what: 'TOC elements as ISO 32000-1 Table 333 has them',
      run: (t) => syntax(t, { TOC: { kids: ['TOC', 'TOCI', 'Caption'] }, TOCI: { parents: ['TOC'], kids: ['Lbl', 'Reference', 'NonStruct', 'P', 'TOC'] } }),
    },
    { id: '13-004', clause: '7.3-1', what: 'every Figure has alternative text', run: (t) => t.elements.filter((e) => e.type === 'Figure' && !text(e.dict['/Alt'])?.trim() && !text(e.dict['/ActualText'])).map(at) },
    {
      id: '15-003', clause: '7.5-1, -2', what: 'every TH has a Scope (folio uses no Headers and IDs)',
      run: (t) => t.elements.filter((e) => e.type === 'TH' && !['/Row', '/Column', '/Both'].includes(String(attribute(t, e, '/Scope')))).map(at),
    },
    {
      id: '16-001', clause: 'ISO 32000-1 Table 347', what: 'a list whose labels are numbers says ListNumbering Decimal (a person’s check in Matterhorn; decidable here)',
      run(t) {
        return t.elements.filter((e) => e.type === 'L' && attribute(t, e, '/ListNumbering') !== '/Decimal' && children(e).some((li) => children(li).some((l) => l.type === 'Lbl' && /\d/.test(ownText(t, l))))).map(at);
      },
    },
    { id: '17-002', clause: '7.7-1', what: 'every Formula has alternative text', run: (t) => t.elements.filter((e) => e.type === 'Formula' && !text(e.dict['/Alt']) && !text(e.dict['/ActualText'])).map(at) },
    {
      id: '19-003', clause: '7.9-1, -2', what: 'every Note has an ID, unique (19-003, 19-004), found through the ID tree',
      run(t) {
        const root = t.pdf.dict(t.pdf.catalog['/StructTreeRoot']);
        const idTree = new Map(t.pdf.tree(root?.['/IDTree'], '/Names').map(([k, v]) => [text(k), v]));
        const notes = t.elements.filter((e) => e.type === 'Note');
        const ids = notes.map((n) => text(n.dict['/ID']) ?? '');
        return [
          ...notes.filter((n, i) => !ids[i]).map((n) => `${at(n)} has no ID`),
          ...ids.filter((id, i) => id && ids.indexOf(id) !== i).map((id) => `ID ${id} twice`),
          ...notes.filter((n, i) => ids[i] && idTree.get(ids[i]) !== n.ref).map((n) => `${at(n)}: the ID tree does not lead to it`),
        ];
      },
    },
  ];
}

/** The text drawn in an element's own marked content, decoded through the fonts' ToUnicode maps. */
export function ownText(t: TaggedPdf, e: StructElem): string {
  const own = e.kids.filter((k) => k.kind === 'mcid');
  return t.pages
    .filter((p) => own.some((k) => k.page === p.ref))
    .flatMap((p) => p.content.drawn.filter((d) => d.kind === 'text' && own.some((k) => k.page === p.ref && mcidOf(d.marks).at(-1) === k.mcid)).map((d) => decode(p.fonts.get(d.font ?? ''), d.bytes!)))
    .join('');
}

export function decode(font: Parameters<typeof codesOf>[0] | undefined, bytes: Buffer): string {
  return font ? codesOf(font, bytes).map((c) => font.toUnicode?.get(c) ?? '\u{fffd}').join('') : '';
}

export { contentChecks, metadataChecks, headingChecks, elementChecks };

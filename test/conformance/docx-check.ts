/**
 * DOCX checks: the edition read back (docx-read.ts) against what the spec's HTML asks
 * (expected.ts). Characters are matched by alignment (model.ts), so each expected block finds its
 * paragraphs; each feature is checked only on the examples whose expected HTML holds it.
 */
import { Docx, type DocxParagraph } from './docx-read.js';
import { align, quote, sameUrl, WS, type CheckResult } from './model.js';
import { codeLines, continuationBlocks, itemStartsWithText, LITERAL_MARKER, segments, type ExpChar, type Expected, type Stream } from './expected.js';
import { missingTokens, tokens } from './html-check.js';

interface Placed {
  para: number;
  /** Index in that paragraph's `text`. */
  pos: number;
  /** Index among that paragraph's non-space characters. */
  nth: number;
}

const JUSTIFIED = new Set(['both', 'distribute', 'lowKashida', 'mediumKashida', 'highKashida', 'thaiDistribute']);
const CODE_STYLE = /code|source|preformat|verbatim|listing|plain ?text/i;
/** Quote, Intense Quote, or Word's Block Text (its built-in style for block quotations). */
const QUOTE_STYLE = /quot|block ?text/i;

export function checkDocx(path: string, x: Expected): CheckResult[] {
  const doc = new Docx(path);
  const results: CheckResult[] = [];
  const streams: Record<Stream, Placed[]> = { body: [], notes: [] };
  for (const p of doc.paragraphs) {
    if (p.front) continue;
    let nth = 0;
    p.text.forEach((c, pos) => {
      // Citation marks typed as superscript numbers are not text of the stream.
      if (WS.test(c.ch) || (c.superscript && /\d/.test(c.ch))) return;
      streams[p.part].push({ para: p.index, pos, nth });
      nth++;
    });
  }
  const mapping: Record<Stream, number[]> = {
    body: align(x.body.map((c) => c.ch), streams.body.map((s) => doc.paragraphs[s.para]!.text[s.pos]!.ch)),
    notes: align(x.notes.map((c) => c.ch), streams.notes.map((s) => doc.paragraphs[s.para]!.text[s.pos]!.ch)),
  };
  const at = (stream: Stream, i: number): Placed | undefined => {
    const j = mapping[stream][i];
    return j === undefined || j < 0 ? undefined : streams[stream][j];
  };
  const charAt = (p: Placed) => doc.paragraphs[p.para]!.text[p.pos]!;
  const paraText = (p: DocxParagraph) => p.text.map((c) => c.ch).join('');
  const blockParas = (block: number): number[] => {
    const b = x.blocks[block]!;
    const out = new Set<number>();
    for (let i = b.start; i < b.end; i++) {
      const p = at(b.stream, i);
      if (p) out.add(p.para);
    }
    return [...out].sort((a, c) => a - c);
  };
  const add = (feature: string, failures: string[]) => results.push(failures.length ? { feature, pass: false, reason: failures.slice(0, 3).join('; ') } : { feature, pass: true });

  // Words.
  const want = tokens(x.bodyText + ' ' + x.notesText);
  if (want.length) {
    // Citation marks (superscript numbers) are not words of the text.
    const plain = (p: DocxParagraph) => p.text.map((c) => (c.superscript && /\d/.test(c.ch) ? '' : c.ch)).join('');
    const have = tokens(doc.paragraphs.filter((p) => !p.front).map(plain).join('\n'));
    const missing = missingTokens(want, have);
    add('words', missing.length ? [`words missing: ${missing.slice(0, 6).map((w) => JSON.stringify(w)).join(' ')}`] : []);
  }

  // Inline properties.
  const inlineFeature = (feature: string, has: (c: ExpChar) => boolean, ok: (p: Placed) => boolean, what: string) => {
    const failures: string[] = [];
    let applies = false;
    for (const stream of ['body', 'notes'] as const) {
      for (const seg of segments(x[stream], has)) {
        applies = true;
        for (let i = seg.start; i < seg.end; i++) {
          const p = at(stream, i);
          if (!p) {
            failures.push(`${what} text missing: ${quote(seg.text)}`);
            break;
          }
          if (!ok(p)) {
            failures.push(`${what}: ${quote(seg.text)}`);
            break;
          }
        }
      }
    }
    if (applies) add(feature, failures);
  };
  // Emphasis inside emphasis may be set upright (the typographic convention) or stay italic: only the outer level is checked.
  // Code spans keep their own face inside emphasis: not checked for italic or bold.
  inlineFeature('emphasis', (c) => c.em === 1 && !c.code, (p) => charAt(p).italic, 'emphasis not italic (w:i)');
  inlineFeature('strong', (c) => c.strong && !c.code, (p) => charAt(p).bold, 'strong not bold (w:b)');
  inlineFeature('inline-code', (c) => c.code, (p) => charAt(p).mono, 'inline code not in a monospace font');
  inlineFeature('strikethrough', (c) => c.del, (p) => charAt(p).strike, 'strikethrough without w:strike');
  {
    const failures: string[] = [];
    let applies = false;
    for (const stream of ['body', 'notes'] as const) {
      for (const seg of segments(x[stream], (c) => c.href !== undefined)) {
        applies = true;
        const href = x[stream][seg.start]!.href!;
        for (let i = seg.start; i < seg.end; i++) {
          const p = at(stream, i);
          const target = p ? charAt(p).href : undefined;
          if (!p) {
            failures.push(`link text missing: ${quote(seg.text)}`);
            break;
          }
          if (target === undefined) {
            failures.push(`link is not a w:hyperlink: ${quote(seg.text)} → ${href}`);
            break;
          }
          if (!sameUrl(target, href)) {
            failures.push(`link target differs: ${quote(seg.text)} → ${target}, spec ${href}`);
            break;
          }
        }
      }
    }
    if (applies) add('links', failures);
  }

  // Hard breaks.
  if (x.breaks.length) {
    const failures: string[] = [];
    for (const br of x.breaks) {
      const a = at(br.stream, br.before);
      const b = at(br.stream, br.after);
      const near = quote(x[br.stream].slice(Math.max(0, br.before - 8), br.after + 8).map((c) => c.ch).join(''));
      if (!a || !b) failures.push(`text around a hard break missing: ${near}`);
      else if (a.para !== b.para) failures.push(`hard break became a new paragraph: ${near}`);
      else if (!doc.paragraphs[a.para]!.text.slice(a.pos + 1, b.pos).some((c) => c.ch === '\n')) failures.push(`hard break without w:br: ${near}`);
    }
    add('hard-break', failures);
  }

  // Headings.
  const headings = x.blocks.filter((b) => b.kind === 'h' && b.end > b.start);
  if (headings.length) {
    const failures: string[] = [];
    const styleOf = new Map<number, Set<string>>();
    const outline = new Map<string, number | undefined>();
    for (const h of headings) {
      const paras = blockParas(h.id);
      const text = quote(x[h.stream].slice(h.start, h.end).map((c) => c.ch).join(''));
      if (!paras.length) {
        failures.push(`heading text missing: ${text}`);
        continue;
      }
      const p = doc.paragraphs[paras[0]!]!;
      const isHeading = p.props.outlineLvl !== undefined || /^heading ?\d/i.test(p.styleName) || /^heading ?\d/i.test(p.styleId);
      if (!isHeading) failures.push(`heading not in a heading style (h${h.level}, style “${p.styleId || 'none'}”): ${text}`);
      if (!styleOf.has(h.level!)) styleOf.set(h.level!, new Set());
      styleOf.get(h.level!)!.add(p.styleId);
      outline.set(p.styleId, p.props.outlineLvl);
    }
    const levels = [...styleOf.keys()].sort();
    for (const l of levels) if (styleOf.get(l)!.size > 1) failures.push(`one heading level in several styles: h${l} in ${[...styleOf.get(l)!].join(', ')}`);
    for (let i = 0; i < levels.length; i++) {
      for (let k = i + 1; k < levels.length; k++) {
        const a = [...styleOf.get(levels[i]!)!][0]!;
        const b = [...styleOf.get(levels[k]!)!][0]!;
        if (a === b) failures.push(`heading levels share a style: h${levels[i]} and h${levels[k]} both “${a}”`);
        else {
          const oa = outline.get(a);
          const ob = outline.get(b);
          if (oa !== undefined && ob !== undefined && !(oa < ob)) failures.push(`heading outline levels out of order: h${levels[i]} outline ${oa}, h${levels[k]} outline ${ob}`);
        }
      }
    }
    add('headings', failures);
  }

  // Code blocks.
  const codes = x.blocks.filter((b) => b.kind === 'code');
  if (codes.length) {
    const failures: string[] = [];
    for (const b of codes) {
      const lines = codeLines(b.code ?? '');
      const text = quote(b.code ?? '');
      let paras = blockParas(b.id);
      if (!paras.length) {
        if (b.end > b.start) {
          failures.push(`code text missing: ${text}`);
          continue;
        }
        // Only spaces (or nothing): any code paragraph will do.
        const any = doc.paragraphs.find((p) => !p.front && CODE_STYLE.test(p.styleId + ' ' + p.styleName));
        if (!any) failures.push(`blank code block not written as a code paragraph: ${text}`);
        continue;
      }
      const first = paras[0]!;
      const last = paras[paras.length - 1]!;
      paras = [];
      for (let i = first; i <= last; i++) paras.push(i);
      // Blank lines at the edges of the block are empty paragraphs of the same style.
      const style = doc.paragraphs[first]!.styleId;
      const blankBefore = lines.findIndex((l) => l.trim() !== '');
      let blankAfter = 0;
      for (let i = lines.length - 1; i >= 0 && lines[i]!.trim() === ''; i--) blankAfter++;
      const sameEmpty = (i: number) => {
        const p = doc.paragraphs[i];
        return !!p && p.part === doc.paragraphs[first]!.part && !p.front && p.styleId === style && paraText(p).trim() === '' && !p.table;
      };
      for (let k = 0, i = first - 1; k < blankBefore && sameEmpty(i); k++, i--) paras.unshift(i);
      for (let k = 0, i = last + 1; k < blankAfter && sameEmpty(i); k++, i++) paras.push(i);
      const ps = paras.map((i) => doc.paragraphs[i]!);
      const bad = ps.find((p) => !CODE_STYLE.test(p.styleId + ' ' + p.styleName));
      if (bad) failures.push(`code not in a code paragraph style (style “${bad.styleId || 'none'}”): ${text}`);
      const notMono = ps.flatMap((p) => p.text).find((c) => !WS.test(c.ch) && !c.mono);
      if (notMono) failures.push(`code not in a monospace font (${notMono.font || 'default'}): ${text}`);
      const justified = ps.find((p) => JUSTIFIED.has(p.props.jc ?? ''));
      if (justified) failures.push(`code justified (w:jc ${justified.props.jc}): ${text}`);
      const got = ps.map(paraText).join('\n').split('\n');
      if (got.length !== lines.length) failures.push(`code lines: ${got.length} written, ${lines.length} in the source: ${text}`);
      else {
        // A tab may be kept or expanded to spaces up to the next tab stop (every 4 or 8 columns).
        const same = (a: string, b: string) => a === b || a === expandTabs(b, 4) || a === expandTabs(b, 8) || expandTabs(a, 4) === expandTabs(b, 4);
        const k = got.findIndex((l, i) => !same(l, lines[i]!));
        if (k >= 0) failures.push(`code line ${k + 1} differs (spaces or text): ${JSON.stringify(got[k])}, spec ${JSON.stringify(lines[k])}`);
      }
      const unpreserved = ps.flatMap((p) => p.text).find((c) => c.edge && WS.test(c.ch) && c.ch !== '\n' && c.ch !== '\t' && !c.preserved);
      if (unpreserved) failures.push(`code spaces at a w:t edge without xml:space="preserve": ${text}`);
    }
    add('code-block', failures);
  }

  // Block quotes.
  if (x.quotes.some((q) => q.blocks.length)) {
    const failures: string[] = [];
    const indentOf = (p: DocxParagraph) => p.indent;
    for (const q of x.quotes) {
      // The indent around the quote: its enclosing list item's text, or the enclosing quote.
      let base = 0;
      const item = q.items[q.items.length - 1];
      if (item !== undefined) {
        // The item's text indent: its first paragraph's, or (when that paragraph is in this quote) its numbering level's.
        const first = x.items[item]!.blocks[0];
        const paras = first === undefined ? [] : blockParas(first);
        const p = paras.length ? doc.paragraphs[paras[0]!]! : undefined;
        if (p && first !== undefined && !q.blocks.includes(first)) base = Math.max(base, indentOf(p));
        else if (p) base = Math.max(base, doc.level(p.props.numId, p.props.ilvl)?.indLeft ?? 0);
      }
      const outer = x.quotes.filter((o) => o.depth < q.depth && o.blocks.includes(q.blocks[0] ?? -1));
      for (const o of outer) {
        const own = o.blocks.filter((b) => !q.blocks.includes(b));
        for (const b of own) for (const i of blockParas(b)) base = Math.max(base, indentOf(doc.paragraphs[i]!));
      }
      const own = q.blocks.filter((b) => !x.quotes.some((inner) => inner.depth > q.depth && inner.blocks.includes(b)));
      for (const b of own) {
        const paras = blockParas(b);
        const text = quote(x[x.blocks[b]!.stream].slice(x.blocks[b]!.start, x.blocks[b]!.end).map((c) => c.ch).join(''));
        if (!paras.length) {
          if (x.blocks[b]!.end > x.blocks[b]!.start) failures.push(`quote text missing: ${text}`);
          continue;
        }
        for (const i of paras) {
          const p = doc.paragraphs[i]!;
          // Code, headings, table cells and list items inside a quote keep their own styles; only their indent is checked.
          const ownStyle = ['code', 'h', 'cell'].includes(x.blocks[b]!.kind) || x.blocks[b]!.items.some((it) => !q.items.includes(it));
          if (!QUOTE_STYLE.test(p.styleId + ' ' + p.styleName) && !ownStyle) {
            failures.push(`quote not in a quote style (style “${p.styleId || 'none'}”): ${text}`);
            break;
          }
          if (!(indentOf(p) > base)) {
            failures.push(`quote not indented (left ${indentOf(p)}, around it ${base}): ${text}`);
            break;
          }
        }
      }
    }
    add('blockquote', failures);
  }

  // Thematic breaks.
  if (x.hrs) {
    const rules = doc.paragraphs.filter((p) => p.part === 'body' && !p.front && !p.table && p.hasRule && paraText(p).trim() === '').length;
    add('thematic-break', rules === x.hrs ? [] : [`thematic breaks: ${rules} ruled empty paragraphs, spec ${x.hrs}`]);
  }

  // Tables.
  if (x.tables.length) {
    const failures: string[] = [];
    const used = new Set<number>();
    for (const t of x.tables) {
      const votes = new Map<number, number>();
      for (const cell of t.cells) for (const i of blockParas(cell.block)) {
        const tt = doc.paragraphs[i]!.table?.table;
        if (tt !== undefined) votes.set(tt, (votes.get(tt) ?? 0) + 1);
      }
      let index = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      if (index === undefined) index = doc.tables.find((d) => d.part === t.stream && !used.has(d.index))?.index;
      const what = quote(t.cells.map((c) => c.text).join(' | '));
      if (index === undefined) {
        failures.push(`table not written as a w:tbl: ${what}`);
        continue;
      }
      used.add(index);
      const d = doc.tables[index]!;
      if (d.rows.length !== t.rows) failures.push(`table rows: ${d.rows.length}, spec ${t.rows}: ${what}`);
      const cols = d.rows.map((r) => r.cells.length);
      if (cols.some((c) => c !== t.cols)) failures.push(`table columns: ${[...new Set(cols)].join('/')}, spec ${t.cols}: ${what}`);
      if (t.headerRows && !d.rows[0]?.header) failures.push(`table header row not marked w:tblHeader: ${what}`);
      if (d.rows.slice(t.headerRows).some((r) => r.header)) failures.push(`table body row marked as a header: ${what}`);
      for (const cell of t.cells) {
        const paras = d.rows[cell.row]?.cells[cell.col] ?? [];
        const got = paras.map((i) => paraText(doc.paragraphs[i]!)).join(' ').replace(/\s+/g, '');
        if (got !== cell.text.replace(/\s+/g, '')) {
          failures.push(`table cell (${cell.row + 1}, ${cell.col + 1}) reads ${quote(got)}, spec ${quote(cell.text)}`);
          continue;
        }
        const jc = paras.map((i) => doc.paragraphs[i]!.props.jc).find((j) => j !== undefined);
        const wantJc = cell.align === 'right' ? ['right', 'end'] : cell.align === 'center' ? ['center'] : [undefined, 'left', 'start'];
        if (!wantJc.includes(jc)) failures.push(`table cell alignment: w:jc ${jc ?? 'none'}, spec ${cell.align ?? 'none'}: ${quote(cell.text)}`);
      }
    }
    add('tables', failures);
  }

  // Footnotes.
  if (x.citations.length || x.notesList.length) {
    const failures: string[] = [];
    const noteId = new Map<number, string>();
    for (const c of x.citations) {
      const a = c.before >= 0 ? at(c.stream, c.before) : undefined;
      const b = at(c.stream, c.after);
      const para = a?.para ?? b?.para;
      const pos = a ? a.nth + 1 : b ? b.nth : -1;
      const near = quote(x[c.stream].slice(Math.max(0, c.before - 10), c.before + 1).map((ch) => ch.ch).join(''));
      if (para === undefined) {
        failures.push(`text citing note ${c.note} missing: ${near}`);
        continue;
      }
      const marks = doc.paragraphs[para]!.marks.filter((m) => m.at === pos);
      const ref = marks.find((m) => m.kind === 'footnote');
      if (c.first) {
        if (!ref) failures.push(`note ${c.note} not cited with a w:footnoteReference where the text cites it: after ${near}`);
        else noteId.set(c.note, ref.id ?? '');
      } else if (!marks.length) failures.push(`repeated citation of note ${c.note} shows no mark: after ${near}`);
    }
    for (const n of x.notesList) {
      const id = noteId.get(n.number);
      const text = quote(x.notes.slice(n.start, n.end).map((c) => c.ch).join(''));
      const notes = new Set<string>();
      let missing = 0;
      for (let i = n.start; i < n.end; i++) {
        const p = at('notes', i);
        if (!p) missing++;
        else notes.add(doc.paragraphs[p.para]!.note ?? '');
      }
      if (missing) failures.push(`note content missing from footnotes.xml (${missing} of ${n.end - n.start} characters): ${text}`);
      else if (id !== undefined && (notes.size !== 1 || !notes.has(id))) failures.push(`note ${n.number}'s content is not in the footnote its citation points to: ${text}`);
    }
    const refs = new Set(doc.paragraphs.filter((p) => p.part === 'body').flatMap((p) => p.marks.filter((m) => m.kind === 'footnote').map((m) => m.id)));
    if (refs.size !== x.notesList.length) failures.push(`footnotes: ${refs.size} referenced, spec ${x.notesList.length}`);
    add('footnotes', failures);
  }

  // Task list items.
  const tasks = x.items.filter((i) => i.task !== undefined);
  if (tasks.length) {
    const failures: string[] = [];
    for (const item of tasks) {
      const first = item.blocks[0];
      const paras = first === undefined ? [] : blockParas(first);
      const p = paras.length ? doc.paragraphs[paras[0]!] : undefined;
      const text = first === undefined ? '' : quote(x[x.blocks[first]!.stream].slice(x.blocks[first]!.start, x.blocks[first]!.end).map((c) => c.ch).join(''));
      if (!p) failures.push(`task item text missing: ${text}`);
      else if (p.checkbox === undefined) failures.push(`task item shows no checkbox: ${text}`);
      else if (p.checkbox !== item.task) failures.push(`task item checkbox ${p.checkbox ? 'checked' : 'unchecked'}, spec ${item.task ? 'checked' : 'unchecked'}: ${text}`);
    }
    add('task-list', failures);
  }

  // Lists.
  if (x.lists.length) {
    const numbering: string[] = [];
    const kind: string[] = [];
    const start: string[] = [];
    const marker: string[] = [];
    const shown = displayedNumbers(doc);
    /** The paragraph's numbering draws a marker (a level with no text, like a blank bullet, draws none). */
    const shows = (p: DocxParagraph) => {
      if (!p.props.numId || p.props.numId === '0') return false;
      const level = doc.level(p.props.numId, p.props.ilvl);
      return !level || (level.numFmt !== 'none' && level.lvlText.trim() !== '');
    };
    for (const item of x.items) {
      const list = x.lists[item.list]!;
      if (!itemStartsWithText(x, item)) continue;
      const firstBlock = x.blocks[item.blocks[0]!]!;
      const text = quote(x[firstBlock.stream].slice(firstBlock.start, firstBlock.end).map((c) => c.ch).join(''));
      const paras = blockParas(firstBlock.id);
      if (!paras.length) {
        numbering.push(`list item text missing: ${text}`);
        continue;
      }
      // An item opening with a block that keeps its own style (code, a quote…) may carry its marker
      // on an empty numbered paragraph just before it: still one marker, at the item's start.
      const opening = doc.paragraphs[paras[0]!]!;
      const before = doc.paragraphs[opening.index - 1];
      const p = !shows(opening) && before && before.part === opening.part && !before.front && paraText(before).trim() === '' && shows(before) ? before : opening;
      const numbered = shows(p);
      const literal = LITERAL_MARKER.test(paraText(p));
      if (!numbered) numbering.push(`list item paragraph has no w:numPr: ${text}`);
      else if ((p.props.ilvl ?? 0) !== list.depth) numbering.push(`list item w:ilvl ${p.props.ilvl ?? 0}, nesting depth ${list.depth}: ${text}`);
      if (numbered) {
        const level = doc.level(p.props.numId, p.props.ilvl);
        const fmt = level?.numFmt ?? 'none';
        if (list.ordered ? fmt !== 'decimal' : fmt !== 'bullet') kind.push(`list numFmt ${fmt}, spec ${list.ordered ? 'ordered (decimal)' : 'bullet'}: ${text}`);
        if (list.ordered && shown.get(p.index) !== list.start + item.index) start.push(`ordered item shows ${shown.get(p.index) ?? 'no number'}, spec ${list.start + item.index}: ${text}`);
      } else {
        kind.push(`list item has no numbering to be bullet or decimal: ${text}`);
        if (list.ordered) start.push(`ordered item has no numbering (w:numPr): ${text}`);
      }
      if (numbered && literal) marker.push(`list item has w:numPr and a typed marker too: ${text}`);
      else if (!numbered && !literal) marker.push(`list item shows no marker: ${text}`);
      const textIndent = p.indent;
      const ownParas = new Set(paras.slice(1));
      for (const b of continuationBlocks(item)) for (const i of blockParas(b)) ownParas.add(i);
      for (const i of [...ownParas].sort((a, c) => a - c)) {
        const q = doc.paragraphs[i]!;
        if (q.index === p.index) continue;
        const ctext = quote(paraText(q));
        if (shows(q)) marker.push(`a later paragraph of a list item is numbered again (w:numPr): ${ctext}`);
        else if (LITERAL_MARKER.test(paraText(q))) marker.push(`a later paragraph of a list item has a marker again: ${ctext}`);
        else if (q.indent < textIndent - 1 && !q.table) marker.push(`a later paragraph of a list item is not indented with the item (left ${q.indent}, item text ${textIndent}): ${ctext}`);
      }
    }
    add('list-numbering', numbering);
    add('list-kind', kind);
    if (x.lists.some((l) => l.ordered)) add('list-start', start);
    add('list-one-marker', marker);
  }
  return results;
}

/** The number Word shows for each numbered paragraph (counters per abstract numbering; a w:num's startOverride restarts it). */
function displayedNumbers(doc: Docx): Map<number, number> {
  const out = new Map<number, number>();
  const counters = new Map<string, (number | undefined)[]>();
  const seen = new Set<string>();
  for (const p of doc.paragraphs) {
    const numId = p.props.numId;
    if (!numId || numId === '0') continue;
    const num = doc.numbering.nums.get(numId);
    if (!num) continue;
    const ilvl = p.props.ilvl ?? 0;
    const c = counters.get(num.abstractId) ?? [];
    counters.set(num.abstractId, c);
    const key = `${numId}:${ilvl}`;
    const override = num.overrides.get(ilvl);
    const level = doc.level(numId, ilvl);
    if (!seen.has(key)) {
      seen.add(key);
      if (override?.start !== undefined) c[ilvl] = undefined;
    }
    c[ilvl] = c[ilvl] === undefined ? (override?.start ?? level?.start ?? 1) : c[ilvl]! + 1;
    for (let l = ilvl + 1; l < c.length; l++) c[l] = undefined;
    out.set(p.index, c[ilvl]!);
  }
  return out;
}

function expandTabs(line: string, stop: number): string {
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(stop - (out.length % stop)) : ch;
  return out;
}

/**
 * PDF checks: the edition read back (pdf-read.ts) against what the spec's HTML asks (expected.ts).
 * Characters are matched by alignment (model.ts): body text against the text outside notes, note
 * text against the text tagged Note (or, failing that, against what is left of the page). Position,
 * font, structure tags, painted rules and link annotations are then checked per feature, only on
 * the examples whose expected HTML holds that feature.
 */
import { ancestry, BOLD_FONT, ITALIC_FONT, MONO_FONT, readPdf, type Pdf, type PdfChar } from './pdf-read.js';
import { align, quote, sameUrl, WS, type CheckResult } from './model.js';
import { codeLines, continuationBlocks, itemStartsWithText, segments, type ExpChar, type Expected, type Stream } from './expected.js';
import { missingTokens, tokens } from './html-check.js';

const CHECKED = /[☑☒✓✔✅■▣]/u;
const UNCHECKED = /[☐□▢]/u;

export async function checkPdf(path: string, x: Expected): Promise<CheckResult[]> {
  const pdf = await readPdf(path, 2);
  return checkPdfRead(pdf, x);
}

export function checkPdfRead(pdf: Pdf, x: Expected): CheckResult[] {
  const results: CheckResult[] = [];
  const add = (feature: string, failures: string[]) => results.push(failures.length ? { feature, pass: false, reason: failures.slice(0, 3).join('; ') } : { feature, pass: true });
  const roles = (c: PdfChar) => ancestry(pdf, c.node).map((n) => n.role);
  const inRole = (c: PdfChar, re: RegExp) => roles(c).some((r) => re.test(r));
  // The front matter: the title page, the contents (its heading stands before the TOC), every page before the body's first (in a Sect).
  const bodyStart = Math.min(...pdf.chars.filter((c) => inRole(c, /^Sect$/)).map((c) => c.page));
  const front = (c: PdfChar) => c.page === 1 || c.page < bodyStart || inRole(c, /^TOCI?$/);
  const artifact = (c: PdfChar) => pdf.items[c.item]!.artifact;
  const indexOf = new Map(pdf.chars.map((c, i) => [c, i]));
  const idx = (c: PdfChar) => indexOf.get(c) ?? -1;

  // Citation marks and note numbers: digits smaller than the text before them, or raised.
  const markItems = new Set<number>();
  pdf.items.forEach((item, i) => {
    if (item.artifact || !/^\d+$/.test(item.str.trim())) return;
    for (let k = i - 1; k >= 0; k--) {
      const prev = pdf.items[k]!;
      if (prev.page !== item.page) break;
      if (prev.artifact || !prev.str.trim() || markItems.has(k)) continue;
      if (item.size < 0.85 * prev.size || item.y < prev.y - 0.15 * prev.size) markItems.add(i);
      break;
    }
  });
  // Streams of non-space characters: body (outside notes) and notes, without the marks.
  const all = pdf.chars.map((c, i) => i).filter((i) => !WS.test(pdf.chars[i]!.ch) && !artifact(pdf.chars[i]!) && !front(pdf.chars[i]!) && !markItems.has(pdf.chars[i]!.item));
  const isNote = (i: number) => inRole(pdf.chars[i]!, /^(Note|FENote|Footnote)$/);
  const streams: Record<Stream, number[]> = { body: all.filter((i) => !isNote(i)), notes: all.filter(isNote) };
  const mapping: Record<Stream, number[]> = {
    body: align(x.body.map((c) => c.ch), streams.body.map((i) => pdf.chars[i]!.ch)),
    notes: align(x.notes.map((c) => c.ch), streams.notes.map((i) => pdf.chars[i]!.ch)),
  };
  // Note text not tagged as such: look for it in what the body did not use.
  if (x.notes.length && mapping.notes.some((j) => j < 0)) {
    const used = new Set(mapping.body.filter((j) => j >= 0).map((j) => streams.body[j]!));
    const rest = all.filter((i) => !used.has(i));
    const m = align(x.notes.map((c) => c.ch), rest.map((i) => pdf.chars[i]!.ch));
    if (m.filter((j) => j >= 0).length > mapping.notes.filter((j) => j >= 0).length) {
      streams.notes = rest;
      mapping.notes = m;
    }
  }
  const at = (stream: Stream, i: number): PdfChar | undefined => {
    const j = mapping[stream][i];
    return j === undefined || j < 0 ? undefined : pdf.chars[streams[stream][j]!];
  };
  const alignedSet = new Set<number>();
  for (const s of ['body', 'notes'] as const) for (const j of mapping[s]) if (j >= 0) alignedSet.add(streams[s][j]!);
  const blockChars = (block: number): PdfChar[] => {
    const b = x.blocks[block]!;
    const out: PdfChar[] = [];
    for (let i = b.start; i < b.end; i++) {
      const c = at(b.stream, i);
      if (c) out.push(c);
    }
    return out;
  };
  const blockText = (block: number) => {
    const b = x.blocks[block]!;
    return quote(x[b.stream].slice(b.start, b.end).map((c) => c.ch).join(''));
  };
  const sameLine = (a: PdfChar, b: PdfChar) => a.page === b.page && Math.abs(a.y - b.y) < 0.35 * Math.max(a.size, b.size);
  /** Characters (all of the page's text, aligned or not) left of `c` on its line, outside artifacts. */
  const leftOf = (c: PdfChar, from: number) =>
    pdf.chars.filter((d) => d !== c && !WS.test(d.ch) && !artifact(d) && d.page === c.page && Math.abs(d.y - c.y) < 0.35 * Math.max(d.size, c.size) && d.x < c.x - 0.5 && d.x >= from);

  // Words.
  const want = tokens(x.bodyText + ' ' + x.notesText);
  if (want.length) {
    const lines: string[] = [];
    let last: { page: number; y: number; end: number; size: number } | undefined;
    let line = '';
    for (const item of pdf.items) {
      if (item.artifact || item.page === 1) continue;
      // Citation marks (small or raised numbers after text) are not words of the text.
      if (last && /^\d+$/.test(item.str) && last.page === item.page && (item.size < 0.85 * last.size || item.y < last.y - 0.15 * last.size) && Math.abs(item.x - last.end) < 2) {
        last.end = item.x + item.width;
        continue;
      }
      const broke = !last || last.page !== item.page || Math.abs(last.y - item.y) > 0.35 * Math.max(last.size, item.size);
      if (broke) {
        if (line) lines.push(line);
        line = item.str;
      } else line += (item.x - last!.end > 0.12 * item.size ? ' ' : '') + item.str;
      last = { page: item.page, y: item.y, end: item.x + item.width, size: item.size };
    }
    if (line) lines.push(line);
    const have: string[] = [];
    lines.forEach((l, i) => {
      const ts = tokens(l);
      have.push(...ts);
      const end = ts[ts.length - 1];
      const next = tokens(lines[i + 1] ?? '')[0];
      if (end && next && /[-\u00ad‐]$/.test(end)) have.push(end.replace(/[\u00ad‐-]$/, '') + next, end + next);
    });
    const missing = missingTokens(want, have.map((t) => t.replace(/\u00ad/g, '')));
    add('words', missing.length ? [`words missing: ${missing.slice(0, 6).map((w) => JSON.stringify(w)).join(' ')}`] : []);
  }

  // Inline properties.
  const inlineFeature = (feature: string, has: (c: ExpChar) => boolean, check: (cs: PdfChar[], text: string, first: ExpChar) => string | undefined, what: string) => {
    const failures: string[] = [];
    let applies = false;
    for (const stream of ['body', 'notes'] as const) {
      for (const seg of segments(x[stream], has)) {
        applies = true;
        const cs: PdfChar[] = [];
        for (let i = seg.start; i < seg.end; i++) {
          const c = at(stream, i);
          if (c) cs.push(c);
        }
        if (cs.length !== seg.end - seg.start) {
          failures.push(`${what} text missing: ${quote(seg.text)}`);
          continue;
        }
        const problem = check(cs, seg.text, x[stream][seg.start]!);
        if (problem) failures.push(problem);
      }
    }
    if (applies) add(feature, failures);
  };
  const fontCheck = (re: RegExp, what: string) => (cs: PdfChar[], text: string) => {
    const bad = cs.find((c) => !re.test(c.font));
    return bad ? `${what} (font ${bad.font.replace(/^[A-Z]{6}\+/, '')}): ${quote(text)}` : undefined;
  };
  // Emphasis inside emphasis may be set upright (the typographic convention) or stay italic: only the outer level is checked.
  // Code spans keep their own face inside emphasis: not checked for italic or bold.
  inlineFeature('emphasis', (c) => c.em === 1 && !c.code, fontCheck(ITALIC_FONT, 'emphasis not in an italic face'), 'emphasis');
  inlineFeature('strong', (c) => c.strong && !c.code, fontCheck(BOLD_FONT, 'strong not in a bold face'), 'strong');
  inlineFeature('inline-code', (c) => c.code, fontCheck(MONO_FONT, 'inline code not in a monospace font'), 'inline code');
  inlineFeature(
    'strikethrough',
    (c) => c.del,
    (cs, text) => {
      const lines: PdfChar[][] = [];
      for (const c of cs) {
        const l = lines.find((l) => sameLine(l[0]!, c));
        if (l) l.push(c);
        else lines.push([c]);
      }
      for (const l of lines) {
        const x1 = Math.min(...l.map((c) => c.x));
        const x2 = Math.max(...l.map((c) => c.x + c.width));
        const base = l[0]!.y;
        const size = l[0]!.size;
        const struck = pdf.boxes.some((b) => b.page === l[0]!.page && b.y2 - b.y1 < 0.2 * size && b.y1 > base - 0.75 * size && b.y2 < base - 0.05 * size && Math.min(b.x2, x2) - Math.max(b.x1, x1) >= 0.85 * (x2 - x1));
        if (!struck) return `strikethrough drawn without a line through the text: ${quote(text)}`;
      }
      return undefined;
    },
    'strikethrough',
  );
  inlineFeature(
    'links',
    (c) => c.href !== undefined,
    (cs, text, first) => {
      const href = first.href;
      for (const c of cs) {
        const cx = c.x + c.width / 2;
        const cy = c.y - c.size * 0.3;
        const hits = pdf.annotations.filter((a) => a.subtype === 'Link' && a.page === c.page && cx >= a.x1 - 0.5 && cx <= a.x2 + 0.5 && cy >= a.y1 - 0.5 && cy <= a.y2 + 0.5);
        if (!hits.length) return `link without a link annotation: ${quote(text)}`;
        if (href && !hits.some((a) => (a.url !== undefined && sameUrl(a.url, href)) || (href.startsWith('#') && a.dest !== undefined))) return `link annotation goes elsewhere: ${quote(text)} → ${hits[0]!.url ?? hits[0]!.dest}, spec ${href}`;
      }
      return undefined;
    },
    'link',
  );

  // Hard breaks.
  if (x.breaks.length) {
    const failures: string[] = [];
    for (const br of x.breaks) {
      const a = at(br.stream, br.before);
      const b = at(br.stream, br.after);
      const near = quote(x[br.stream].slice(Math.max(0, br.before - 8), br.after + 8).map((c) => c.ch).join(''));
      if (!a || !b) failures.push(`text around a hard break missing: ${near}`);
      else if (!(b.page > a.page || b.y > a.y + 0.5 * a.size)) failures.push(`hard break does not start a new line: ${near}`);
    }
    add('hard-break', failures);
  }

  // Headings.
  const headings = x.blocks.filter((b) => b.kind === 'h' && b.end > b.start);
  if (headings.length) {
    const failures: string[] = [];
    const look = new Map<number, Set<string>>();
    const tags = new Map<number, Set<string>>();
    for (const h of headings) {
      const cs = blockChars(h.id);
      if (cs.length !== h.end - h.start) {
        failures.push(`heading text missing: ${blockText(h.id)}`);
        continue;
      }
      const style = dominant(cs.map((c) => `${c.size.toFixed(1)}pt ${c.font.replace(/^[A-Z]{6}\+/, '')}`));
      if (!look.has(h.level!)) look.set(h.level!, new Set());
      look.get(h.level!)!.add(style);
      const tag = roles(cs[0]!).find((r) => /^H[1-6]?$/.test(r));
      if (!tag) failures.push(`heading not tagged H/H1–H6 (tagged ${roles(cs[0]!)[0] ?? 'nothing'}): ${blockText(h.id)}`);
      else {
        if (!tags.has(h.level!)) tags.set(h.level!, new Set());
        tags.get(h.level!)!.add(tag);
      }
    }
    const levels = [...look.keys()].sort();
    for (const l of levels) if (look.get(l)!.size > 1) failures.push(`one heading level drawn in several styles: h${l} in ${[...look.get(l)!].join(', ')}`);
    for (let i = 0; i < levels.length; i++) {
      for (let k = i + 1; k < levels.length; k++) {
        const a = [...look.get(levels[i]!)!][0]!;
        const b = [...look.get(levels[k]!)!][0]!;
        if (a === b) failures.push(`heading levels look the same: h${levels[i]} and h${levels[k]} both ${a}`);
        const ta = [...(tags.get(levels[i]!) ?? [])][0];
        const tb = [...(tags.get(levels[k]!) ?? [])][0];
        if (ta && tb && ta !== 'H' && tb !== 'H' && !(Number(ta.slice(1)) < Number(tb.slice(1)))) failures.push(`heading tags out of order: h${levels[i]} tagged ${ta}, h${levels[k]} tagged ${tb}`);
      }
    }
    // A heading looks unlike the paragraphs beside it.
    const paraStyles = new Set(x.blocks.filter((b) => b.kind === 'p' && b.stream === 'body' && !b.items.length && !b.quotes.length).flatMap((b) => blockChars(b.id)).filter((c) => !ITALIC_FONT.test(c.font) && !BOLD_FONT.test(c.font)).map((c) => `${c.size.toFixed(1)}pt ${c.font.replace(/^[A-Z]{6}\+/, '')}`));
    for (const [l, s] of look) for (const st of s) if (paraStyles.has(st)) failures.push(`h${l} drawn like body text (${st})`);
    add('headings', failures);
  }

  /** The page's left text margin: its leftmost text, furniture included. */
  const margin = (page: number) => Math.min(...pdf.items.filter((i) => i.page === page && i.page !== 1 && i.str.trim()).map((i) => i.x));

  // Code blocks.
  const codes = x.blocks.filter((b) => b.kind === 'code' && b.end > b.start);
  if (codes.length) {
    const failures: string[] = [];
    for (const b of codes) {
      const text = quote(b.code ?? '');
      const lines = codeLines(b.code ?? '');
      // Expected line and column of each non-space character.
      const where: { line: number; col: number; tabs: boolean }[] = [];
      lines.forEach((l, li) => {
        let col = 0;
        let tab = false;
        for (const ch of l) {
          if (ch === '\t') tab = true;
          // After a tab the column depends on tab stops: not checked.
          if (!WS.test(ch)) where.push({ line: li, col, tabs: tab });
          col++;
        }
      });
      const cs: (PdfChar | undefined)[] = [];
      for (let i = b.start; i < b.end; i++) cs.push(at(b.stream, i));
      if (cs.some((c) => !c)) {
        failures.push(`code text missing: ${text}`);
        continue;
      }
      const got = cs as PdfChar[];
      const bad = got.find((c) => !MONO_FONT.test(c.font));
      if (bad) {
        failures.push(`code not in a monospace font (font ${bad.font.replace(/^[A-Z]{6}\+/, '')}): ${text}`);
        continue;
      }
      // One drawn line per source line.
      const lineOf = new Map<number, PdfChar>();
      let split = false;
      where.forEach((w, k) => {
        const first = lineOf.get(w.line);
        if (!first) lineOf.set(w.line, got[k]!);
        else if (!sameLine(first, got[k]!)) split = true;
      });
      const ordered = [...lineOf.entries()].sort((p, q) => p[0] - q[0]);
      let merged = false;
      for (let i = 1; i < ordered.length; i++) if (sameLine(ordered[i - 1]![1], ordered[i]![1])) merged = true;
      if (split) failures.push(`a code line is broken over several lines: ${text}`);
      if (merged) failures.push(`code lines run together on one line: ${text}`);
      if (split || merged) continue;
      // Vertical rhythm: blank lines kept.
      const gaps: number[] = [];
      for (let i = 1; i < ordered.length; i++) {
        const [la, ca] = ordered[i - 1]!;
        const [lb, cb] = ordered[i]!;
        if (ca.page === cb.page) gaps.push((cb.y - ca.y) / (lb - la));
      }
      if (gaps.length) {
        const lh = Math.min(...gaps);
        if (!(lh > 0.8 * got[0]!.size) || gaps.some((g) => Math.abs(g - lh) > 0.2 * lh)) failures.push(`code blank lines not kept (line spacing ${gaps.map((g) => g.toFixed(1)).join('/')} pt per source line): ${text}`);
      }
      // Columns: each character where its column puts it (spaces kept, not justified).
      const sample = got.filter((c) => c.width > 0);
      const cw = median(sample.map((c) => c.width));
      const plain = where.map((w, k) => ({ w, c: got[k]! })).filter((p) => !p.w.tabs);
      if (cw > 0 && plain.length) {
        const x0 = median(plain.map((p) => p.c.x - p.w.col * cw));
        const off = plain.find((p) => Math.abs(p.c.x - (x0 + p.w.col * cw)) > 0.3 * cw);
        if (off) failures.push(`code column not kept (line ${off.w.line + 1}, column ${off.w.col + 1}: ${((off.c.x - x0) / cw).toFixed(1)} characters in): ${text}`);
        // Column 0 against the text column around the block (the page's margin, or its list item's
        // text), allowing an inset of less than a character: leading spaces of every line kept.
        let left: number | undefined;
        const item = b.items[b.items.length - 1];
        if (!b.quotes.length && item === undefined && b.stream === 'body') left = margin(got[0]!.page);
        else if (!b.quotes.length && item !== undefined) {
          const texts = x.items[item]!.blocks.filter((o) => x.blocks[o]!.kind !== 'code').flatMap((o) => blockChars(o).slice(0, 1));
          if (texts.length) left = Math.min(...texts.map((c) => c.x));
        }
        if (left !== undefined && !off && (x0 < left - 1 || x0 > left + 0.8 * cw)) failures.push(`code indentation not kept (column 0 at ${x0.toFixed(1)}, text column ${left.toFixed(1)}): ${text}`);
      }
    }
    add('code-block', failures);
  }

  // Block quotes: indented relative to the text around them.
  if (x.quotes.some((q) => q.blocks.some((b) => x.blocks[b]!.end > x.blocks[b]!.start))) {
    const failures: string[] = [];
    const lineStarts = (cs: PdfChar[]) => {
      const starts: PdfChar[] = [];
      for (const c of cs) {
        const l = starts.findIndex((s) => sameLine(s, c));
        if (l < 0) starts.push(c);
        else if (c.x < starts[l]!.x) starts[l] = c;
      }
      return starts;
    };
    for (const q of x.quotes) {
      const item = q.items[q.items.length - 1];
      let base: number | undefined;
      if (item !== undefined) {
        // The item's text column: its blocks outside this quote, else the end of its marker.
        const outside = x.items[item]!.blocks.filter((b) => !q.blocks.includes(b)).flatMap((b) => blockChars(b));
        const first = x.items[item]!.blocks[0];
        const fc = first === undefined ? undefined : blockChars(first)[0];
        if (outside.length) base = Math.min(...lineStarts(outside).map((c) => c.x));
        else if (fc) {
          const marker = leftOf(fc, fc.x - 60).filter((d) => !alignedSet.has(idx(d)));
          if (marker.length) base = Math.max(...marker.map((d) => d.x + d.width));
        }
      }
      const outerOwn = x.quotes.filter((o) => o.depth < q.depth && o.blocks.includes(q.blocks[0] ?? -1)).flatMap((o) => o.blocks.filter((b) => !q.blocks.includes(b)));
      for (const b of outerOwn) {
        const cs = blockChars(b);
        if (cs.length) base = Math.max(base ?? -Infinity, Math.min(...lineStarts(cs).map((c) => c.x)));
      }
      for (const b of q.blocks) {
        if (x.blocks[b]!.end === x.blocks[b]!.start) continue;
        const cs = blockChars(b);
        if (cs.length !== x.blocks[b]!.end - x.blocks[b]!.start) {
          failures.push(`quote text missing: ${blockText(b)}`);
          continue;
        }
        const starts = lineStarts(cs);
        const bad = starts.find((s) => !(s.x > (base ?? margin(s.page)) + 3));
        if (bad) failures.push(`quote not indented (x ${bad.x.toFixed(1)}, text around it at ${(base ?? margin(bad.page)).toFixed(1)}): ${blockText(b)}`);
      }
    }
    add('blockquote', failures);
  }

  // Thematic breaks: drawn rules, other than the running header's, the notes' separator, table rules and text decoration.
  if (x.hrs) {
    // Pages of the report's text: not the title page, not the contents (pages whose text is all front matter).
    const bodyPages = new Set<number>();
    for (let p = 2; p <= pdf.pages; p++) {
      const text = pdf.chars.filter((c) => c.page === p && !WS.test(c.ch) && !artifact(c));
      if (!text.length || text.some((c) => !front(c))) bodyPages.add(p);
    }
    const rules = pdf.boxes.filter((b) => bodyPages.has(b.page) && b.y2 - b.y1 <= 2.5 && b.x2 - b.x1 >= 40);
    const other = (b: (typeof rules)[number]) => {
      // On a page with none of the report's text as well (the contents): furniture.
      if (pdf.boxes.some((o) => o.page !== b.page && !bodyPages.has(o.page) && o.page !== 1 && Math.abs(o.y1 - b.y1) < 0.5 && Math.abs(o.x1 - b.x1) < 0.5 && Math.abs(o.x2 - b.x2) < 0.5)) return true;
      const chars = pdf.chars.filter((c) => c.page === b.page && !WS.test(c.ch));
      // Running header and footer: beyond the outermost text of the page that is not an artifact.
      const text = chars.filter((c) => !artifact(c));
      if (text.length && (b.y1 < Math.min(...text.map((c) => c.y - c.size)) - 1 && chars.some((c) => artifact(c) && c.y < b.y1 + 1))) return true;
      // Text decoration (underline, strike): touching a glyph's box.
      if (chars.some((c) => b.y1 >= c.y - c.size && b.y2 <= c.y + 0.3 * c.size && Math.min(b.x2, c.x + c.width) > Math.max(b.x1, c.x))) return true;
      // Tables.
      const cells = chars.filter((c) => inRole(c, /^(Table|TR|TH|TD|THead|TBody)$/));
      if (cells.length && b.y1 >= Math.min(...cells.map((c) => c.y - c.size)) - 12 && b.y2 <= Math.max(...cells.map((c) => c.y)) + 12) return true;
      // The notes' separator: just above the notes.
      const notes = chars.filter((c) => inRole(c, /^(Note|FENote|Footnote)$/));
      if (notes.length && b.y1 <= Math.min(...notes.map((c) => c.y - c.size)) && b.y1 >= Math.max(...text.filter((c) => !notes.includes(c)).map((c) => c.y), -Infinity)) return true;
      return false;
    };
    const count = rules.filter((b) => !other(b)).length;
    add('thematic-break', count >= x.hrs ? [] : [`thematic breaks: ${count} rules drawn in the text, spec ${x.hrs}`]);
  }

  // Tables.
  if (x.tables.length) {
    const failures: string[] = [];
    for (const t of x.tables) {
      const rowsOf = new Map<number, Set<number>>();
      for (const cell of t.cells) {
        const cs = blockChars(cell.block);
        if (cs.length !== x.blocks[cell.block]!.end - x.blocks[cell.block]!.start) {
          failures.push(`table cell text missing: ${quote(cell.text)}`);
          continue;
        }
        if (!cs.length) continue;
        const chain = ancestry(pdf, cs[0]!.node);
        const cellTag = chain.find((n) => n.role === 'TH' || n.role === 'TD');
        if (cell.header && cellTag?.role !== 'TH') failures.push(`table header cell not tagged TH (${cellTag?.role ?? chain[0]?.role ?? 'untagged'}): ${quote(cell.text)}`);
        if (!cellTag) failures.push(`table cell not tagged TD/TH: ${quote(cell.text)}`);
        const tr = chain.find((n) => n.role === 'TR');
        if (tr) {
          if (!rowsOf.has(cell.row)) rowsOf.set(cell.row, new Set());
          rowsOf.get(cell.row)!.add(tr.id);
        }
        // Numbers stay whole: a token with a digit is drawn on one line.
        let k = 0;
        for (const token of tokens(cell.text)) {
          const n = [...token].length;
          const part = cs.slice(k, k + n);
          k += n;
          if (/\d/.test(token) && part.some((c) => !sameLine(c, part[0]!))) failures.push(`a number is broken inside a table cell: ${quote(token)}`);
        }
      }
      const trs = [...rowsOf.values()];
      if (trs.some((s) => s.size > 1)) failures.push(`a table row's cells are in several TR: ${quote(t.cells.map((c) => c.text).join(' | '))}`);
      const flat = trs.flatMap((s) => [...s]);
      if (new Set(flat).size !== flat.length) failures.push(`table rows share a TR: ${quote(t.cells.map((c) => c.text).join(' | '))}`);
    }
    add('tables', failures);
  }

  // Footnotes.
  if (x.citations.length || x.notesList.length) {
    const failures: string[] = [];
    const citedAt = new Map<number, PdfChar>();
    for (const c of x.citations) {
      const before = c.before >= 0 ? at(c.stream, c.before) : undefined;
      const near = quote(x[c.stream].slice(Math.max(0, c.before - 10), c.before + 1).map((ch) => ch.ch).join(''));
      if (!before) {
        failures.push(`text citing note ${c.note} missing: ${near}`);
        continue;
      }
      if (c.first) citedAt.set(c.note, before);
      // The mark: the note's number drawn just after it, raised or smaller.
      let mark = '';
      for (let k = idx(before) + 1; k < pdf.chars.length; k++) {
        const ch = pdf.chars[k]!;
        if (WS.test(ch.ch)) continue;
        if (!markItems.has(ch.item) || ch.page !== before.page || Math.abs(ch.y - before.y) > before.size) break;
        mark += ch.ch;
      }
      if (mark !== String(c.note)) failures.push(`note ${c.note}'s citation mark ${mark ? `reads ${mark}` : 'missing'} after ${near}`);
    }
    for (const n of x.notesList) {
      const text = quote(x.notes.slice(n.start, n.end).map((c) => c.ch).join(''));
      const cs: PdfChar[] = [];
      for (let i = n.start; i < n.end; i++) {
        const c = at('notes', i);
        if (c) cs.push(c);
      }
      if (cs.length !== n.end - n.start) {
        failures.push(`note text missing (${n.end - n.start - cs.length} of ${n.end - n.start} characters): ${text}`);
        continue;
      }
      const cite = citedAt.get(n.number);
      if (cite && cs[0]!.page !== cite.page) failures.push(`note ${n.number} starts on page ${cs[0]!.page}, cited on page ${cite.page}: ${text}`);
      const bodyBottom = (page: number) => Math.max(...streams.body.map((i) => pdf.chars[i]!).filter((c) => c.page === page).map((c) => c.y), -Infinity);
      const high = cs.find((c) => !(c.y > bodyBottom(c.page)));
      if (high) failures.push(`note ${n.number} not at the page bottom (text at y ${high.y.toFixed(1)}, body text down to ${bodyBottom(high.page).toFixed(1)}): ${text}`);
    }
    add('footnotes', failures);
  }

  // Task list items.
  const tasks = x.items.filter((i) => i.task !== undefined);
  if (tasks.length) {
    const failures: string[] = [];
    for (const item of tasks) {
      const first = item.blocks[0];
      const cs = first === undefined ? [] : blockChars(first);
      const text = first === undefined ? '' : blockText(first);
      if (!cs.length) {
        failures.push(`task item text missing: ${text}`);
        continue;
      }
      const left = leftOf(cs[0]!, 0).map((c) => c.ch).join('');
      const widget = pdf.annotations.find((a) => a.page === cs[0]!.page && a.subtype === 'Widget' && a.checkBox && Math.abs((a.y1 + a.y2) / 2 - (cs[0]!.y - cs[0]!.size * 0.35)) < cs[0]!.size);
      const state = CHECKED.test(left) ? true : UNCHECKED.test(left) ? false : widget ? widget.value !== undefined && widget.value !== 'Off' : undefined;
      if (state === undefined) failures.push(`task item shows no checkbox: ${text}`);
      else if (state !== item.task) failures.push(`task item checkbox ${state ? 'checked' : 'unchecked'}, spec ${item.task ? 'checked' : 'unchecked'}: ${text}`);
    }
    add('task-list', failures);
  }

  // Lists.
  if (x.lists.length) {
    const nesting: string[] = [];
    const markers: string[] = [];
    const start: string[] = [];
    const tags: string[] = [];
    const firstChar = new Map<number, PdfChar>();
    for (const item of x.items) {
      if (!itemStartsWithText(x, item)) continue;
      const cs = blockChars(item.blocks[0]!);
      if (cs.length) firstChar.set(item.id, cs[0]!);
    }
    const liOf = new Map<number, number>();
    for (const item of x.items) {
      if (!itemStartsWithText(x, item)) continue;
      const list = x.lists[item.list]!;
      const text = blockText(item.blocks[0]!);
      const c = firstChar.get(item.id);
      if (!c) {
        markers.push(`list item text missing: ${text}`);
        continue;
      }
      // Nesting: further in than the item it is nested in.
      if (list.parentItem !== undefined) {
        const parent = firstChar.get(list.parentItem);
        if (parent && !(c.x > parent.x + 2 || c.page !== parent.page)) nesting.push(`nested item not indented more (x ${c.x.toFixed(1)}, its parent's text at ${parent.x.toFixed(1)}): ${text}`);
      }
      // Its marker: the text left of its first character on that line.
      // The run of text just left of it (a nested list's first item has its parent's marker further left).
      const left = leftOf(c, -Infinity).filter((d) => !alignedSet.has(idx(d))).sort((a, b) => b.x - a.x);
      const nearest: PdfChar[] = [];
      for (const d of left) {
        const next = nearest[0];
        if (!next ? d.x + d.width < c.x - 60 : next.x - (d.x + d.width) > 0.25 * d.size) break;
        nearest.unshift(d);
      }
      const marker = nearest.map((d) => d.ch).join('');
      if (!marker) markers.push(`list item drawn without a marker: ${text}`);
      if (list.ordered) {
        const digits = /\d+/.exec(marker)?.[0];
        if (digits === undefined || Number(digits) !== list.start + item.index) start.push(`ordered item marker ${JSON.stringify(marker)}, spec ${list.start + item.index}: ${text}`);
      }
      // Later blocks of the item: no marker again, in the item's column (right of its marker).
      const column = nearest.length ? Math.max(...nearest.map((d) => d.x + d.width)) : c.x;
      for (const b of continuationBlocks(item)) {
        const bc = blockChars(b);
        if (!bc.length) continue;
        const again = leftOf(bc[0]!, c.x - 60).filter((d) => !alignedSet.has(idx(d)));
        if (again.length) markers.push(`a later paragraph of a list item has a marker again (${JSON.stringify(again.map((d) => d.ch).join(''))}): ${blockText(b)}`);
        else if (bc[0]!.page === c.page && bc[0]!.x < column - 0.5) markers.push(`a later paragraph of a list item is not indented past its marker (x ${bc[0]!.x.toFixed(1)}, marker ends at ${column.toFixed(1)}): ${blockText(b)}`);
      }
      // Tags: LI with Lbl (the marker) and LBody (the text), in the list's L.
      const chain = ancestry(pdf, c.node);
      const lbody = chain.findIndex((n) => n.role === 'LBody');
      const li = chain.find((n) => n.role === 'LI');
      const l = chain.find((n) => n.role === 'L');
      if (lbody < 0 || !li || !l) tags.push(`list item not tagged L > LI > LBody (tagged ${chain.map((n) => n.role).join(' < ') || 'nothing'}): ${text}`);
      else {
        liOf.set(item.id, li.id);
        const lbl = nearest.length ? ancestry(pdf, nearest[0]!.node) : [];
        if (!lbl.some((n) => n.role === 'Lbl') || !lbl.some((n) => n.id === li.id)) tags.push(`list marker not tagged Lbl in its LI: ${text}`);
        for (const b of continuationBlocks(item)) {
          const bc = blockChars(b);
          if (bc.length && !ancestry(pdf, bc[0]!.node).some((n) => n.id === li.id)) tags.push(`a later paragraph of a list item is outside its LI: ${blockText(b)}`);
        }
        if (list.parentItem !== undefined && liOf.has(list.parentItem) && !chain.some((n) => n.id === liOf.get(list.parentItem!))) tags.push(`nested list not inside its parent's LI: ${text}`);
      }
    }
    // Items of one list: distinct LI in one L.
    for (const list of x.lists) {
      const lis = list.items.map((i) => liOf.get(i)).filter((v): v is number => v !== undefined);
      if (new Set(lis).size !== lis.length) tags.push(`list items share an LI (${list.items.length} items)`);
      const ls = new Set(lis.map((li) => pdf.nodes[li]!.parent).map((p) => (p === undefined ? -1 : p)));
      const pages = new Set(lis.map((li) => pdf.nodes[li]!.page));
      if (ls.size > 1 && pages.size === 1) tags.push(`one list's items are in ${ls.size} L elements`);
    }
    if (x.lists.some((l) => l.parentItem !== undefined)) add('list-nesting', nesting);
    add('list-markers', markers);
    if (x.lists.some((l) => l.ordered)) add('list-start', start);
    add('list-tags', tags);
  }
  return results;
}

function dominant(values: string[]): string {
  const count = new Map<string, number>();
  for (const v of values) count.set(v, (count.get(v) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

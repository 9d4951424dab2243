/**
 * Reads a built PDF back for the typography report: every glyph with its pen position, advance,
 * size and font, and the short horizontal rules (a note separator is one). Read with PyMuPDF
 * (Debian's python3-fitz) in a child process rather than pdfjs-dist: MuPDF reports each glyph on
 * its own, with its origin and its advance, the same way whatever made the PDF (folio's space
 * glyphs stretched by kerning numbers, XeLaTeX's words placed without any space glyph, LibreOffice's
 * word spacing), and its drawings; pdfjs's text content merges a line into one item whose width
 * includes the gaps, so the word spaces would have to be rebuilt from its operator list.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Glyph {
  /** The character(s), ligatures expanded by MuPDF. */
  c: string;
  /** Pen position and end (origin + advance), points from the left. */
  x: number;
  x1: number;
  /** Baseline, points from the top. */
  y: number;
  size: number;
  font: number;
}

export interface Rule { x0: number; x1: number; y: number }

export interface PdfPage { width: number; height: number; glyphs: Glyph[]; rules: Rule[] }

export interface PdfFont {
  name: string;
  bold: boolean;
  /**
   * The font's natural space in ems: the median advance of its space glyphs in the PDF (the width
   * the PDF gives them, without word spacing), else the space of a font file of the same name in
   * the font folders (XeLaTeX and Typst draw no space glyphs), else null.
   */
  space: number | null;
}

export interface PdfGlyphs { pages: PdfPage[]; fonts: PdfFont[] }

/** The extractor: glyphs as [c, x, x1, y, size, font], rules as [x0, x1, y]. */
const SCRIPT = String.raw`
import fitz, json, os, re, sys
doc = fitz.open(sys.argv[1])
font_dirs = sys.argv[2:]
flags = fitz.TEXT_INHIBIT_SPACES | fitz.TEXT_PRESERVE_WHITESPACE
fonts, index, pages = [], {}, []
def norm(name): return re.sub(r'[^a-z0-9]', '', name.lower())
files = None
def file_space(name):
    global files
    if files is None:
        files = {}
        for d in font_dirs:
            for root, _, names in os.walk(d):
                for n in names:
                    if n.lower().endswith(('.ttf', '.otf')):
                        try: files.setdefault(norm(fitz.Font(fontfile=os.path.join(root, n)).name), os.path.join(root, n))
                        except Exception: pass
    path = files.get(norm(name))
    if path is None: return None
    f = fitz.Font(fontfile=path)
    return f.glyph_advance(32) if f.has_glyph(32) else None
observed = []
def font_id(span):
    name = span['font'].split('+')[-1]
    if name not in index:
        index[name] = len(fonts)
        fonts.append({'name': name, 'bold': bool(span['flags'] & 16) or bool(re.search('bold|black|heavy|semibold', name, re.I))})
        observed.append([])
    return index[name]
for page in doc:
    glyphs, rules = [], []
    for block in page.get_text('rawdict', flags=flags)['blocks']:
        for line in block.get('lines', []):
            if abs(line['dir'][1]) > 0.01: continue
            for span in line['spans']:
                f = font_id(span)
                for ch in span['chars']:
                    if ch['c'] == ' ' and span['size'] > 0: observed[f].append((ch['bbox'][2] - ch['origin'][0]) / span['size'])
                    glyphs.append([ch['c'], round(ch['origin'][0], 3), round(ch['bbox'][2], 3), round(ch['origin'][1], 3), round(span['size'], 3), f])
    for d in page.get_drawings():
        for item in d['items']:
            if item[0] == 'l' and abs(item[1].y - item[2].y) < 0.5:
                rules.append([round(min(item[1].x, item[2].x), 2), round(max(item[1].x, item[2].x), 2), round(item[1].y, 2)])
            elif item[0] == 're' and item[1].height < 1.5 and item[1].width > 10:
                rules.append([round(item[1].x0, 2), round(item[1].x1, 2), round(item[1].y0, 2)])
    pages.append({'width': page.rect.width, 'height': page.rect.height, 'glyphs': glyphs, 'rules': rules})
for f, seen in zip(fonts, observed):
    seen.sort()
    f['space'] = seen[len(seen) // 2] if len(seen) >= 3 else file_space(f['name'])
json.dump({'pages': pages, 'fonts': fonts}, sys.stdout)
`;

/** The Python with PyMuPDF: FOLIO_PYTHON, else Debian's, else the one on the path. */
export function python(): string {
  return process.env.FOLIO_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
}

/** Whether PyMuPDF can be imported (python3-fitz installed). */
export function hasFitz(): boolean {
  return spawnSync(python(), ['-c', 'import fitz'], { stdio: 'ignore' }).status === 0;
}

type RawGlyph = [string, number, number, number, number, number];
interface RawPage { width: number; height: number; glyphs: RawGlyph[]; rules: [number, number, number][] }

/** Every page's glyphs and rules; `fontDirs` are searched for a font whose embedded subset has no space. */
export function readPdfGlyphs(file: string, fontDirs: string[] = []): PdfGlyphs {
  const r = spawnSync(python(), ['-c', SCRIPT, file, ...fontDirs.filter((d) => existsSync(d))], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`cannot read ${file} with PyMuPDF (apt-get install python3-fitz): ${r.stderr.trim().split('\n').pop()}`);
  const raw = JSON.parse(r.stdout) as { pages: RawPage[]; fonts: PdfFont[] };
  return {
    fonts: raw.fonts,
    pages: raw.pages.map((p) => ({
      width: p.width,
      height: p.height,
      glyphs: p.glyphs.map(([c, x, x1, y, size, font]) => ({ c, x, x1, y, size, font })),
      rules: p.rules.map(([x0, x1, y]) => ({ x0, x1, y })),
    })),
  };
}

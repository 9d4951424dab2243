/**
 * Line ends that part what belongs together: a full line ending in a number and the next line
 * starting with its unit (`50 / per cent`, `50 / %`, `11.7 / million`, `процента`, `пайыз`), a day
 * and its month (`5 / June`, `5 / июня`, `5 / маусымда`; also `June / 5`), a label and its number
 * (`Article / 10`, `статьи / 10`, `№ / 5`; Kazakh puts the number first: `10- / бабы`), a numeric
 * range (`2019– / 2022`, `2019 / –2022`), a number's digit groups (`11 / 734 642`), and initials
 * and a surname (`N. / Nazarbayev`). Terms in English, Russian and Kazakh, whatever the edition's
 * language, so a mixed text is covered; Russian and Kazakh words are matched by their stems.
 */
import type { TextLine } from './classify.js';

export type SplitKind = 'day–month' | 'number–unit' | 'label–number' | 'range' | 'digit groups' | 'initials';

export interface Split { kind: SplitKind; text: string; line: TextLine }

const MONTHS = [
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?$/u,
  /^(январ|феврал|март|апрел|ма[йяею]$|июн|июл|август|сентябр|октябр|ноябр|декабр)/iu,
  /^(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)/iu,
];
const UNITS = [
  /^(%|‰|percent|million|billion|thousand|km|kg|m|cm|mm|ha|h|min|EUR|USD|KZT|tenge|euros?|dollars?)$/iu,
  /^(процент|млн|млрд|миллион|миллиард|тыс$|тысяч|км$|кг$|м$|см$|га$|ч$|мин$|тенге|евро$|долл|руб|гг?$)/iu,
  /^(пайыз|мың$|теңге|жж?$)/iu,
];
const LABELS = /^(Articles?|Art|Paragraphs?|para|Sections?|Chapters?|Annex|No|Nos|№|pp?|Part|стать[яиеюй]|статьей|статьёй|статей|статьям|ст|пункт[аеуы]?|п|част[ьиюей]|ч|глав[аыеу]|гл)\.?$/iu;
const KK_LABELS = /^(бап|баб|тармақ|бөлім)/iu;

const NUMBER = /^\(?\d+(?:[.,]\d+)*$/u;
const word = (s: string | undefined) => (s ?? '').replace(/[.,;:!?)»”’"']+$/u, '');

function kindOf(a: string, b: string, b2: string): SplitKind | undefined {
  const bw = word(b);
  if (NUMBER.test(a)) {
    const n = Number(a.replace(/^\(/, '').replace(',', '.'));
    if (Number.isInteger(n) && n >= 1 && n <= 31 && MONTHS.some((m) => m.test(bw))) return 'day–month';
    if (UNITS.some((u) => u.test(bw)) || (/^per$/iu.test(b) && /^cent/iu.test(b2))) return 'number–unit';
    if (KK_LABELS.test(bw)) return 'label–number';
    if (/^[–—-]\d/u.test(b) || (/^[–—]$/u.test(b) && /^\d/u.test(b2))) return 'range';
    if (/^\d{1,3}$/u.test(a) && /^\d{3}(?:[\s,.]|$)/u.test(b)) return 'digit groups';
  }
  if (/^\d+[-\u2010]$/u.test(a) && KK_LABELS.test(bw)) return 'label–number';
  if (/^\d[\d.,]*[–—-]$/u.test(a) && /^\d/u.test(b)) return 'range';
  if (MONTHS[0]!.test(a) && /^\d{1,2}(?:\D|$)/u.test(b) && Number.parseInt(b, 10) <= 31) return 'day–month';
  if (LABELS.test(a) && /^\d/u.test(b)) return 'label–number';
  if (/^(?:\p{Lu}\.){1,3}$/u.test(a) && /^\p{Lu}\p{Ll}/u.test(b)) return 'initials';
  return undefined;
}

/** The splits between each full line and the line after it, in the body and in the notes. */
export function splits(lines: TextLine[]): Split[] {
  const out: Split[] = [];
  for (const area of ['body', 'note'] as const) {
    const stream = lines.filter((l) => l.area === area);
    stream.forEach((line, i) => {
      const next = stream[i + 1];
      if (line.kind !== 'full' || !next) return;
      const words = line.words.map((w) => w.text);
      const a = words[words.length - 1]!;
      const [b = '', b2 = ''] = next.words.map((w) => w.text);
      const kind = kindOf(a, b, b2);
      if (kind) out.push({ kind, text: `${words.slice(-2).join(' ')} / ${b} ${b2}`.trim(), line });
    });
  }
  return out;
}

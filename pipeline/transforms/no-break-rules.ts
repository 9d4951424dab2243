/**
 * Where a line must not break, per language (its primary subtag), as data: each rule finds the
 * space between two words that belong together (replaced by U+00A0 NO-BREAK SPACE, which PT Serif
 * and PT Mono draw) or the hyphen or dash after which a line must not break (followed by U+2060
 * WORD JOINER: no font draws it and none needs to, the PDF layout drops it, browsers, Word and
 * LibreOffice honour it). Every language gets the neutral rules; a language without rules of its
 * own gets only those.
 */

export interface NoBreakRule {
  /** What the rule keeps together (tests and messages name rules by it). */
  name: string;
  /** Matches the space, or the hyphen or dash, to change; lookarounds hold the words it joins. */
  pattern: RegExp;
  /** The replacement (`$&` is the match). */
  replacement: string;
}

const SPACE_CHARACTER = '[ \\t\\r\\n]';
const SPACE = `${SPACE_CHARACTER}+`;
/** Not inside a word or a number: what `\b` would say, for every script. */
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
const NUMBER = '\\d';
/** A day of the month: one or two digits, not the end of a longer number. */
const DAY = '(?<![\\p{L}\\p{N}.,:/])\\d{1,2}';
const NUMERAL = `(?:\\d|[IVXLC]+${END})`;

/**
 * The space between what `before` and `after` match becomes a no-break space. The pattern takes a
 * whole run of spaces (from a character that is no space to the next), then looks ahead for `after`
 * and only then behind it for `before`: at other characters it fails at once on one character
 * (faster than trying `before` everywhere: Russian 48 → 18 ms on the report), a run of 10,000
 * spaces is read a bounded number of times, not once per space, and what follows the space, tested
 * first, rules most places out before the longer look back (Russian references and numbers:
 * 13.6 → 10.1 ms in a fresh process, 5.5 → 0.5 ms warm).
 */
function tie(name: string, before: string, after: string, flags = 'gu'): NoBreakRule {
  const run = `(?<!${SPACE_CHARACTER})${SPACE}(?!${SPACE_CHARACTER})`;
  return { name, pattern: new RegExp(`${run}(?=${after})(?<=(?:${before})${SPACE})`, flags), replacement: '\u00a0' };
}

/** No line break after the hyphen or dash `mark` between `before` and `after`. */
function join(name: string, before: string, mark: string, after: string): NoBreakRule {
  return { name, pattern: new RegExp(`${mark}(?<=(?:${before})${mark})(?=${after})`, 'gu'), replacement: '$&\u2060' };
}

/** A word and its forms (`стать` → статья, статьи, статьей…), its ending at most 12 letters long. */
const forms = (stems: string[]) => `(?:${stems.join('|')})\\p{L}{0,12}`;
const words = (list: string[]) => `(?:${list.join('|')})${END}`;

/** Rules for every language: a number and %, initials and the name after them, № and its number, numeric ranges. */
export const NEUTRAL: NoBreakRule[] = [
  tie('number and percent sign', NUMBER, '[%‰°]'),
  tie('initial and name', `${START}\\p{Lu}\\.`, '\\p{Lu}'),
  tie('number sign and number', '№', NUMBER),
  join('numeric range', NUMBER, '[-–—]', NUMBER),
];

const EN_MONTHS = words(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);
const RU_MONTHS = forms(['январ', 'феврал', 'март', 'апрел', 'ма[йяюе]', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр']);
const KK_MONTHS = forms(['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан']);

/** Rules of each language, by primary subtag. */
export const LANGUAGE_RULES: Record<string, NoBreakRule[]> = {
  en: [
    tie('day and month', DAY, EN_MONTHS),
    tie('month and day', `${START}${EN_MONTHS}`, `\\d{1,2}${END}`),
    tie('number and unit', NUMBER, `(?:per${SPACE}cent|${words(['percent', 'million', 'billion', 'thousand', 'km', 'kg', 'ha', 'KZT', 'EUR', 'USD', 'tenge'])})`),
    tie('per cent', `${START}per`, `cent${END}`),
    tie('reference and number', `${START}${words(['articles?', 'art\\.', 'arts\\.', 'paragraphs?', 'paras?\\.', 'sections?', 'chapters?', 'annex(?:es)?', 'parts?', 'pages?', 'pp?\\.', 'nos?\\.', 'recommendations?', 'points?', 'items?'])}`, NUMERAL, 'giu'),
  ],
  ru: [
    tie('day and month', DAY, RU_MONTHS, 'giu'),
    tie('number and unit', NUMBER, `(?:${forms(['процент'])}|${words(['млн', 'млрд', 'тыс\\.', 'руб\\.', 'тенге', 'км', 'кг', 'га', 'чел\\.'])})`, 'giu'),
    tie('year or century and its abbreviation', `(?:${NUMBER}|[IVXLC])`, `(?:гг?|вв?)\\.`),
    tie('reference and number', `${START}(?:${forms(['стать', 'пункт', 'подпункт', 'част', 'раздел', 'глав', 'рекомендаци', 'приложени'])}|${words(['ст\\.', 'п\\.', 'пп\\.', 'подп\\.', 'ч\\.', 'стр\\.', 'с\\.'])})`, NUMERAL, 'giu'),
    tie('number and reference', NUMBER, forms(['стать', 'пункт']), 'giu'),
    // Russian typesetting: a one-letter preposition or conjunction stays with the next word.
    tie('one-letter word and the next', `${START}[вксуоиаяВКСУОИАЯ]`, '[\\p{L}\\p{N}«„"(]'),
    join('number and suffix', NUMBER, '-', '\\p{L}'),
  ],
  kk: [
    tie('day and month', DAY, KK_MONTHS, 'giu'),
    tie('number and unit', NUMBER, `(?:${forms(['пайыз', 'процент', 'мың', 'теңге'])}|${words(['млн', 'млрд', 'тенге', 'км', 'кг', 'га'])})`, 'giu'),
    // Roman numerals typed in Latin or in the Cyrillic letters that look alike (ХХІ ғасыр).
    tie('year or century and its word', `(?:${NUMBER}|[IVXLCХІ])`, `(?:${forms(['жыл', 'ғасыр'])}|ж\\.)`, 'giu'),
    // Kazakh puts the number first (`33 бабына`, `10-бап`); the other order is tied too.
    tie('number and reference', NUMBER, forms(['бап', 'баб', 'тармақ', 'тармағ', 'бөлім', 'бөлі[гк]', 'тарау', 'ұсыным', 'бет', 'қосымша']), 'giu'),
    tie('reference and number', `${START}${forms(['бап', 'баб', 'тармақ', 'тармағ', 'бөлім', 'бөлі[гк]', 'тарау', 'ұсыным', 'бет'])}`, NUMERAL, 'giu'),
    join('number and suffix', NUMBER, '-', '\\p{L}'),
  ],
};

/** The rules an edition in `lang` follows: its language's, then the neutral ones. */
export function noBreakRules(lang: string): NoBreakRule[] {
  return [...(LANGUAGE_RULES[lang.toLowerCase().split(/[-_]/)[0]!] ?? []), ...NEUTRAL];
}

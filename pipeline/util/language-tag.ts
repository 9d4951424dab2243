/**
 * Language tags, the one validator for every path built from one (`source/<lang>/`,
 * `templates/labels/<lang>.json`, `out/<lang>/`, `folio new --lang`): a BCP 47 tag as folder and
 * file names use it, a language (`en`, `kk`), optionally a script (`sr-Latn`) and a region (`pt-BR`,
 * `es-419`), in their canonical case. Nothing else (`..`, `a/b`, `constructor`, `EN`) is a language.
 */

/** The pattern, as a string for JSON schemas. */
export const LANGUAGE_TAG_PATTERN = '^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$';

const TAG = new RegExp(LANGUAGE_TAG_PATTERN);

export function isLanguageTag(value: string): boolean {
  if (typeof value !== 'string' || !TAG.test(value)) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** Why `value` is not a language tag, or undefined when it is one. */
export function languageTagProblem(value: string): string | undefined {
  if (isLanguageTag(value)) return undefined;
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(value)[0];
  } catch {
    canonical = undefined;
  }
  const hint = canonical && canonical !== value && isLanguageTag(canonical) ? ` (write \`${canonical}\`)` : '';
  return `${shown} is not a language tag${hint}: a language is a BCP 47 tag such as en, kk, sr-Latn or pt-BR`;
}

/** Scripts written right to left, by their ISO 15924 codes. */
const RIGHT_TO_LEFT_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Mend', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

/** The right-to-left script a language is written in (`ar` → `Arab`, `he` → `Hebr`, `az-Arab` → `Arab`), or undefined. */
export function rightToLeftScript(tag: string): string | undefined {
  let script: string | undefined;
  try {
    script = new Intl.Locale(tag).maximize().script;
  } catch {
    return undefined;
  }
  return script && RIGHT_TO_LEFT_SCRIPTS.has(script) ? script : undefined;
}

/**
 * Why a language cannot be laid out, or undefined when it can: a right-to-left script, named with
 * the language (`ar` → “`ar` (Arabic, العربية) is written right to left…”).
 */
export function rightToLeftProblem(tag: string): string | undefined {
  if (!rightToLeftScript(tag)) return undefined;
  const names = new Set<string>();
  for (const locale of ['en', tag]) {
    try {
      const name = new Intl.DisplayNames([locale], { type: 'language' }).of(tag);
      if (name && name !== tag) names.add(name);
    } catch {
      // no name in that locale
    }
  }
  const named = names.size ? ` (${[...names].join(', ')})` : '';
  return `\`${tag}\`${named} is written right to left, which folio cannot lay out yet (its lines are set left to right only): leave the language out for now`;
}

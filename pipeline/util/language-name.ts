/** A language's name in that language, from the platform's Intl (CLDR). */

/**
 * `fr` → “Français”, `sr-Latn` → “Srpski (latinica)”, `el` → “Ελληνικά”; the tag itself when Intl
 * has no name. The first letter is made a capital, as a name in a menu starts, except in Georgian,
 * which has no capitals in running text (its Mtavruli letters are for text set all in capitals).
 */
export function languageName(tag: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
  } catch {
    name = undefined;
  }
  if (!name || name === tag) return tag;
  if (/^\p{Script=Georgian}/u.test(name)) return name;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

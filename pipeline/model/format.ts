/** Numbers and dates in the edition's language, with the platform's Intl. */
import { fill } from '../util/templates.js';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}/${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true });
    numberFormats.set(key, f);
  }
  return f;
}

export function formatInteger(n: number, locale: string): string {
  return numberFormat(locale, 0).format(n);
}

export function formatPercent(n: number, locale: string): string {
  return numberFormat(locale, 2).format(n);
}

/** One formatter per locale: making one costs far more than using it (ICU reads the locale's data). */
const monthFormats = new Map<string, Intl.DateTimeFormat>();

function monthFormat(locale: string): Intl.DateTimeFormat {
  let format = monthFormats.get(locale);
  if (!format) monthFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
  return format;
}

/** A date (`YYYY-MM-DD`) in the language: `dateFormat` label with day, month (as Intl writes it in a full date) and year. */
export function formatDate(iso: string, locale: string, pattern: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const parts = monthFormat(locale).formatToParts(date);
  const month = parts.find((p) => p.type === 'month')?.value ?? String(m);
  return fill(pattern, { day: String(d), month, year: String(y) });
}

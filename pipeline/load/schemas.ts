/** JSON schemas of the source's JSON files, validated with ajv. */

/** `YYYY-MM-DD` naming a day that exists (`2026-02-29` and `2026-02-30` do not; `2028-02-29` does). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

const reportText = {
  type: 'object',
  required: ['country', 'event', 'title', 'mission'],
  additionalProperties: false,
  properties: {
    country: { type: 'string', minLength: 1 },
    event: { type: 'string', minLength: 1 },
    title: { type: 'string', minLength: 1 },
    subtitle: { type: 'string' },
    mission: { type: 'string', minLength: 1 },
  },
} as const;

/**
 * A BCP 47 language tag as folder and file names use it: a language (`en`, `kk`), optionally a
 * script (`sr-Latn`) and a region (`pt-BR`, `es-419`), in their canonical case.
 */
const languageTag = { type: 'string', pattern: '^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$' } as const;

export const reportSchema = {
  type: 'object',
  required: ['id', 'officialLanguage', 'languages', 'eventDate', 'text'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    officialLanguage: languageTag,
    languages: { type: 'array', minItems: 1, uniqueItems: true, items: languageTag },
    eventDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' },
    titleNote: { type: 'string', minLength: 1 },
    text: { type: 'object', additionalProperties: reportText },
    draft: { type: 'array', items: languageTag },
  },
} as const;

/** A count: a whole number that adds up exactly (beyond 2^53 − 1, doubles round and sums lie). */
const count = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } as const;

export const resultsSchema = {
  type: 'object',
  required: ['registeredVoters', 'voted', 'votedWithAbsenteeCertificates', 'inFavour', 'against', 'invalid', 'bothMarked'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    registeredVoters: count,
    voted: count,
    votedWithAbsenteeCertificates: count,
    inFavour: count,
    against: count,
    invalid: count,
    bothMarked: count,
    source: { type: 'string' },
    published: {
      type: 'object',
      additionalProperties: false,
      properties: {
        turnoutPercent: { type: 'number' },
        inFavourPercent: { type: 'number' },
        againstPercent: { type: 'number' },
        invalidPercent: { type: 'number' },
        bothMarkedPercent: { type: 'number' },
      },
    },
  },
} as const;

const str = { type: 'string', minLength: 1 } as const;

export const labelKeys = [
  'language', 'locale', 'languageName', 'contents', 'notes', 'page', 'backToText', 'noteLabel',
  'recommendationLabel', 'annex', 'priorityRecommendations', 'otherRecommendations', 'dateFormat',
  'subsectionLetters', 'skipToContent', 'languageSwitch', 'draftMark', 'sectionLabel',
] as const;

export const resultKeys = [
  'caption', 'chart', 'item', 'number', 'percentage', 'registeredVoters', 'turnout', 'votedWithAbsenteeCertificates', 'votes',
  'inFavour', 'against', 'invalid', 'bothMarked',
] as const;

export const labelsSchema = {
  type: 'object',
  // languageName may be left out: the language's name in itself then comes from Intl (load-source.ts).
  required: [...labelKeys.filter((k) => k !== 'languageName'), 'topics', 'results'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    ...Object.fromEntries(labelKeys.map((k) => [k, str])),
    topics: { type: 'object', additionalProperties: str },
    results: {
      type: 'object',
      required: [...resultKeys],
      additionalProperties: false,
      properties: Object.fromEntries(resultKeys.map((k) => [k, str])),
    },
  },
} as const;

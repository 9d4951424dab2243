/**
 * Reads a JSON file, validates it against a schema and reports each problem at its place
 * (`file:line:column` and the JSON path), through the diagnostics.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { parseTree, findNodeAtLocation, type Node as JsonNode, type ParseError, printParseErrorCode } from 'jsonc-parser';
import type { Point, Position } from 'unist';
import type { Diagnostics } from '../util/diagnostics.js';
import { readFailure, readRegularFile } from '../util/read-file.js';
import { isCalendarDate } from './schemas.js';

// The schemas are folio's own and checked against JSON Schema's meta-schema by a test
// (test/json-schemas.test.ts), not in every build: compiling the meta-schema took about 27 ms of
// each run, unoptimised code 12 ms less than optimised for files this small.
const ajv = new Ajv({ allErrors: true, strict: true, validateSchema: false, code: { optimize: false } });
// `format: 'date'`: a day that exists (`2026-02-30` does not), not only the shape YYYY-MM-DD.
ajv.addFormat('date', { type: 'string', validate: isCalendarDate });

/** Control characters and noncharacters, as in chapters (load/read-text.ts), but refused: JSON can only hold them escaped, on purpose or by a tool's mistake. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/u;

/** Line/column (1-based) of an offset in a text. */
export function pointAt(text: string, offset: number): Point {
  let line = 1;
  let lastLineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastLineStart = i + 1;
    }
  }
  return { line, column: offset - lastLineStart + 1, offset };
}

/** No file of a report nests deeper; deeper would only exhaust the parser's stack. */
export const MAX_JSON_DEPTH = 64;

/** The offset of the first bracket nested deeper than MAX_JSON_DEPTH (outside strings), if any. */
function tooDeep(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return undefined;
}

/** JSON path `$.a.b[2]` of an ajv instance path `/a/b/2`. */
function jsonPath(segments: (string | number)[]): string {
  return '$' + segments.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join('');
}

function segmentsOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function locate(text: string, tree: JsonNode | undefined, segments: (string | number)[]): Position | undefined {
  if (!tree) return undefined;
  let node: JsonNode | undefined;
  for (let n = segments.length; n >= 0 && !node; n--) node = findNodeAtLocation(tree, segments.slice(0, n));
  if (!node) return undefined;
  // The property (its name and value) when there is one, the value otherwise.
  const range = node.parent?.type === 'property' ? node.parent : node;
  return { start: pointAt(text, range.offset), end: pointAt(text, range.offset + range.length) };
}

function describe(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `missing property \`${String(p.missingProperty)}\`: add it`;
    case 'additionalProperties':
      return `unknown property \`${String(p.additionalProperty)}\`: remove it or check its spelling`;
    case 'type':
      return `must be of type ${String(p.type)}`;
    case 'pattern':
      return `must match ${String(p.pattern)}`;
    case 'format':
      return p.format === 'date' ? 'is not a date: write a day that exists, as YYYY-MM-DD' : `must be a ${String(p.format)}`;
    case 'maximum':
      return Number(p.limit) === Number.MAX_SAFE_INTEGER
        ? `is larger than ${Number.MAX_SAFE_INTEGER} (2^53 − 1), the largest count folio can add up exactly`
        : `must be at most ${String(p.limit)}`;
    default:
      return error.message ?? error.keyword;
  }
}

export interface JsonFile<T> {
  path: string;
  text: string;
  value: T | undefined;
  tree: JsonNode | undefined;
}

/** Parses and validates; returns `value: undefined` when the file is unusable (errors reported). */
export async function readJson<T>(path: string, schema: object, diagnostics: Diagnostics, ruleId: string): Promise<JsonFile<T>> {
  let text: string;
  try {
    text = (await readRegularFile(path)).toString('utf8');
  } catch (error) {
    diagnostics.error(path, readFailure(error), { ruleId: 'missing-file' });
    return { path, text: '', value: undefined, tree: undefined };
  }
  diagnostics.file(path, text);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const deep = tooDeep(text);
  if (deep !== undefined) {
    diagnostics.error(path, `invalid JSON: nested more than ${MAX_JSON_DEPTH} levels deep`, { place: pointAt(text, deep), ruleId: 'invalid-json' });
    return { path, text, value: undefined, tree: undefined };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !tree) {
    for (const e of errors.slice(0, 20)) { // the first ones: a binary file would give thousands
      diagnostics.error(path, `invalid JSON: ${printParseErrorCode(e.error)}`, { place: { start: pointAt(text, e.offset), end: pointAt(text, e.offset + e.length) }, ruleId: 'invalid-json' });
    }
    if (errors.length === 0) diagnostics.error(path, 'invalid JSON: empty file', { ruleId: 'invalid-json' });
    return { path, text, value: undefined, tree: undefined };
  }
  const value = JSON.parse(text) as T;
  if (refuseControls(tree, text, path, diagnostics, ruleId)) return { path, text, value: undefined, tree };
  const validate = ajv.compile(schema);
  if (!validate(value)) {
    for (const error of validate.errors ?? []) {
      const segments = segmentsOf(error.instancePath);
      const p = error.params as Record<string, unknown>;
      const extra = error.keyword === 'additionalProperties' ? [String(p.additionalProperty)] : [];
      const place = locate(text, tree, [...segments, ...extra]);
      diagnostics.error(path, `${jsonPath([...segments, ...extra])}: ${describe(error)}`, { place, ruleId });
    }
    return { path, text, value: undefined, tree };
  }
  return { path, text, value, tree };
}

/** Reports every string of the file holding a control character or noncharacter; true when there is one. */
function refuseControls(tree: JsonNode, text: string, path: string, diagnostics: Diagnostics, ruleId: string): boolean {
  let found = false;
  const walk = (node: JsonNode, segments: (string | number)[]) => {
    if (node.type === 'string' && typeof node.value === 'string') {
      const match = CONTROL.exec(node.value);
      if (match) {
        found = true;
        const code = `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
        diagnostics.error(path, `${jsonPath(segments)}: holds ${code}, a control character or noncharacter: remove it`, { place: pointAt(text, node.offset), ruleId });
      }
      return;
    }
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) walk(value, [...segments, String(key.value)]);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => walk(child, [...segments, i]));
    }
  };
  walk(tree, []);
  return found;
}

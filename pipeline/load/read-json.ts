/**
 * Reads a JSON file, validates it against a schema and reports each problem at its place
 * (`file:line:column` and the JSON path), through the diagnostics.
 */
import { readFile } from 'node:fs/promises';
import { Ajv, type ErrorObject } from 'ajv';
import { parseTree, findNodeAtLocation, type Node as JsonNode, type ParseError, printParseErrorCode } from 'jsonc-parser';
import type { Point } from 'unist';
import type { Diagnostics } from '../util/diagnostics.js';

const ajv = new Ajv({ allErrors: true, strict: true });

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

export function locate(text: string, tree: JsonNode | undefined, segments: (string | number)[]): Point | undefined {
  if (!tree) return undefined;
  let node: JsonNode | undefined;
  for (let n = segments.length; n >= 0 && !node; n--) node = findNodeAtLocation(tree, segments.slice(0, n));
  if (!node) return undefined;
  // Point at the property name when there is one, the value otherwise.
  const at = node.parent?.type === 'property' ? node.parent.offset : node.offset;
  return pointAt(text, at);
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
    text = await readFile(path, 'utf8');
  } catch (error) {
    diagnostics.error(path, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { ruleId: 'missing-file' });
    return { path, text: '', value: undefined, tree: undefined };
  }
  diagnostics.file(path, text);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !tree) {
    for (const e of errors) {
      diagnostics.error(path, `invalid JSON: ${printParseErrorCode(e.error)}`, { place: pointAt(text, e.offset), ruleId: 'invalid-json' });
    }
    if (errors.length === 0) diagnostics.error(path, 'invalid JSON: empty file', { ruleId: 'invalid-json' });
    return { path, text, value: undefined, tree: undefined };
  }
  const value = JSON.parse(text) as T;
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

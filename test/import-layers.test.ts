/**
 * The folders of `pipeline/` import one way (DESIGN.md): cli → build → writers → layout → figures →
 * text, the source side (load, parse, transforms, check) apart from the writers, everything on model
 * and util. Reads every relative import and fails on an edge the table does not allow, or a cycle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

const pipeline = join(root, 'pipeline');

/** For each folder (`.` is pipeline/ itself), the folders it may import from. */
const ALLOWED: Record<string, string[]> = {
  util: [],
  model: ['util'],
  text: ['model', 'util'],
  figures: ['text', 'model', 'util'],
  layout: ['figures', 'text', 'model', 'util'],
  writers: ['layout', 'figures', 'text', 'model', 'util'],
  load: ['model', 'util'],
  parse: ['model', 'util'],
  transforms: ['parse', 'load', 'model', 'util'],
  check: ['transforms', 'parse', 'text', 'load', 'model', 'util'],
  parallel: ['writers', 'model', 'util'],
  '.': ['parallel', 'writers', 'check', 'transforms', 'load', 'model', 'util'],
  translate: ['check', 'transforms', 'parse', 'load', 'model', 'util'],
  cli: ['.', 'parallel', 'writers', 'translate', 'check', 'transforms', 'load', 'model', 'util'],
  bench: ['.', 'translate', 'transforms', 'load', 'model', 'util'],
  tools: ['.', 'util'],
  types: [],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function folderOf(path: string): string {
  const rel = relative(pipeline, path);
  return rel.includes('/') ? rel.split('/')[0]! : '.';
}

/** Every import edge between two folders: `from → to`, with one file that makes it. */
function folderEdges(): Map<string, string> {
  const edges = new Map<string, string>();
  for (const file of sourceFiles(pipeline)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = resolve(dirname(file), match[1]!);
      const from = folderOf(file);
      const to = folderOf(target);
      if (from !== to && !edges.has(`${from} → ${to}`)) edges.set(`${from} → ${to}`, relative(root, file));
    }
  }
  return edges;
}

describe('pipeline folders import one way', () => {
  const edges = folderEdges();

  it('every folder is listed in the layer table', () => {
    const folders = new Set(sourceFiles(pipeline).map(folderOf));
    expect([...folders].filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it('no import goes against the layers', () => {
    const wrong = [...edges].filter(([edge]) => {
      const [from, to] = edge.split(' → ') as [string, string];
      return !(ALLOWED[from] ?? []).includes(to);
    });
    expect(wrong.map(([edge, file]) => `${edge} (${file})`)).toEqual([]);
  });

  it('the table itself has no cycle', () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const cycle: string[] = [];
    const visit = (folder: string, path: string[]): void => {
      if (done.has(folder)) return;
      if (visiting.has(folder)) {
        cycle.push([...path, folder].join(' → '));
        return;
      }
      visiting.add(folder);
      for (const next of ALLOWED[folder] ?? []) visit(next, [...path, folder]);
      visiting.delete(folder);
      done.add(folder);
    };
    for (const folder of Object.keys(ALLOWED)) visit(folder, []);
    expect(cycle).toEqual([]);
  });
});

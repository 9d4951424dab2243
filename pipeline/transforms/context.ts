/** What every transform receives: the edition being built, where to report, and where text came from. */
import type { Diagnostics } from '../util/diagnostics.js';
import type { Edition, Chapter } from '../model/types.js';
import type { Node } from 'unist';

export interface TransformContext {
  edition: Edition;
  diagnostics: Diagnostics;
  templatesDir: string;
  /** Path of report.json, for messages about the metadata. */
  reportPath: string;
  /** Where report.json names the title note. */
  titleNotePlace?: import('unist').Point;
  /** Path of the source file a node belongs to (its chapter's path). */
  pathOf(node: Node): string;
  /** Source text of a chapter, by path. */
  sourceOf(path: string): string | undefined;
}

/** A transform: one job, applied in the ordered list of `transforms/index.ts`. */
export type Transform = (context: TransformContext) => void;

/** Maps each node to its chapter, for messages. Built once after assembly. */
export function chapterIndex(chapters: Chapter[]): (node: Node) => string {
  const map = new WeakMap<Node, string>();
  const mark = (node: Node, path: string) => {
    map.set(node, path);
    const children = (node as { children?: Node[] }).children;
    if (children) for (const c of children) mark(c, path);
  };
  for (const chapter of chapters) mark(chapter, chapter.path);
  return (node) => map.get(node) ?? '<generated>';
}

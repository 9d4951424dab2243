/** What every transform receives: the edition being built, where to report, and where text came from. */
import type { Diagnostics } from '../util/diagnostics.js';
import type { Edition, Chapter } from '../model/types.js';
import type { Node } from 'unist';
import type { Root } from 'mdast';

export interface TransformContext {
  edition: Edition;
  /** The edition's tree while it is resolved (the same object as `edition.root`, typed as the source's mdast). */
  tree: Root;
  diagnostics: Diagnostics;
  templatesDir: string;
  /** Path of report.json, for messages about the metadata. */
  reportPath: string;
  /** Where report.json names the title note. */
  titleNotePlace?: import('unist').Point;
  /** Path of the source file a node belongs to (its chapter's path). */
  pathOf(node: Node): string;
  /** Records that a node a transform made belongs to the file at `path`, for later messages. */
  adopt(node: Node, path: string): void;
  /** The source folder, which pictures must lie in (absent for documents built from a string). */
  sourceDir?: string;
  /** Source text of a chapter, by path. */
  sourceOf(path: string): string | undefined;
}

/** A transform: one job, applied in the ordered list of `transforms/index.ts`. */
export type Transform = (context: TransformContext) => void;

/** Maps each node to its chapter, for messages. Built once after assembly; transforms adopt the nodes they make. */
export function chapterIndex(chapters: Chapter[]): Pick<TransformContext, 'pathOf' | 'adopt'> {
  const map = new WeakMap<Node, string>();
  const mark = (node: Node, path: string) => {
    map.set(node, path);
    const children = (node as { children?: Node[] }).children;
    if (children) for (const c of children) mark(c, path);
  };
  for (const chapter of chapters) mark(chapter, chapter.path);
  return { pathOf: (node) => map.get(node) ?? '<generated>', adopt: mark };
}

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
  titleNotePlace?: import('unist').Position;
  /** Path of the source file a node belongs to (its chapter's path). */
  pathOf(node: Node): string;
  /** Records that a node a transform made (and its descendants) belongs to the file at `path`, for later messages. */
  adopt(node: Node, path: string): void;
  /** The source folder, which pictures must lie in (absent for documents built from a string). */
  sourceDir?: string;
  /** Source text of a chapter, by path. */
  sourceOf(path: string): string | undefined;
}

/** A transform: one job, applied in the ordered list of `transforms/index.ts`. */
export type Transform = (context: TransformContext) => void;

/**
 * Maps each node to its chapter, for messages. Built once after assembly; transforms adopt the nodes
 * they make (text generated from a template belongs to the chapter that places it, a copy to the
 * file of its original), so every message names a source file. A node nobody adopted is a bug in
 * the transform that made it, said as one.
 */
export function chapterIndex(chapters: Chapter[]): Pick<TransformContext, 'pathOf' | 'adopt'> {
  const map = new WeakMap<Node, string>();
  const mark = (node: Node, path: string) => {
    map.set(node, path);
    const children = (node as { children?: Node[] }).children;
    if (children) for (const c of children) mark(c, path);
  };
  for (const chapter of chapters) mark(chapter, chapter.path);
  const pathOf = (node: Node) => {
    const path = map.get(node);
    if (path === undefined) throw new Error(`internal error: a \`${node.type}\` node made by a transform belongs to no source file (the transform should adopt it)`);
    return path;
  };
  return { pathOf, adopt: mark };
}

/** Gives a node made from a template, and everything in it, the place of the directive it stands for. */
export function placeAt<T extends Node>(node: T, place: Node['position']): T {
  const walk = (n: Node) => {
    if (place) n.position = structuredClone(place);
    else delete n.position;
    for (const c of (n as { children?: Node[] }).children ?? []) walk(c);
  };
  walk(node);
  return node;
}

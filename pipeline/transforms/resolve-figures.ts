/**
 * Pictures become figures: an image alone in its paragraph (`![alt](images/map.png "Caption")`,
 * optionally followed by `{width=60%}`) is read from the source folder, checked and measured, and
 * replaced by a `figure` node. An image inside text, without alt text, or whose file cannot be used
 * is an error at its place.
 */
import type { Image, Paragraph, Parent, PhrasingContent } from 'mdast';
import { dirname } from 'node:path';
import { SKIP, visit } from 'unist-util-visit';
import type { Figure } from '../model/types.js';
import { readPicture } from '../load/read-figure.js';
import type { TransformContext } from './context.js';

const WIDTH = /^\s*\{\s*width\s*=\s*(\d{1,3})\s*%\s*\}\s*$/;

/** The image of a paragraph that holds only an image (and its width), with the width as a share. */
function soleImage(paragraph: Paragraph): { image: Image; width?: number } | undefined {
  const [first, second, ...rest] = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  if (first?.type !== 'image' || rest.length > 0) return undefined;
  if (!second) return { image: first };
  const match = second.type === 'text' ? WIDTH.exec(second.value) : null;
  if (!match) return undefined;
  return { image: first, width: Number(match[1]) / 100 };
}

function toFigure(image: Image, width: number | undefined, path: string, context: TransformContext): Figure | undefined {
  const { diagnostics, sourceDir } = context;
  const alt = (image.alt ?? '').trim();
  if (!alt) {
    diagnostics.error(path, `picture \`${image.url}\` has no alt text: describe it between the brackets, \`![what it shows](${image.url})\``, { place: image.position, ruleId: 'figure-alt' });
    return undefined;
  }
  if (width !== undefined && !(width > 0 && width <= 1)) {
    diagnostics.error(path, `picture \`${image.url}\`: width must be from 1% to 100%`, { place: image.position, ruleId: 'figure-width' });
    return undefined;
  }
  if (!sourceDir) return undefined;
  const picture = readPicture(image.url, dirname(path), sourceDir);
  if (typeof picture === 'string') {
    diagnostics.error(path, `picture \`${image.url}\`: ${picture}`, { place: image.position, ruleId: 'image' });
    return undefined;
  }
  return { type: 'figure', src: image.url, alt, caption: image.title ?? undefined, width, ...picture, position: image.position };
}

export function resolveFigures(context: TransformContext): void {
  const { tree, diagnostics, pathOf, edition } = context;
  const resolveIn = (root: Parent, pathFor: (node: Parent) => string) =>
    visit(root, (node, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return undefined;
      if (node.type === 'paragraph') {
        const sole = soleImage(node as Paragraph);
        if (!sole) return undefined;
        const figure = toFigure(sole.image, sole.width, pathFor(node as Parent), context);
        if (figure) parent.children[index] = figure as never;
        else parent.children.splice(index, 1);
        return figure ? SKIP : [SKIP, index];
      }
      if (node.type === 'image') {
        diagnostics.error(pathFor(parent), `picture \`${(node as Image).url}\` inside text: a picture stands alone in its paragraph (a blank line before and after)`, { place: node.position, ruleId: 'image' });
        parent.children.splice(index, 1, { type: 'text', value: (node as Image).alt ?? '' } as PhrasingContent);
        return [SKIP, index + 1];
      }
      return undefined;
    });
  resolveIn(tree, (node) => pathOf(node));
  for (const note of edition.notes) resolveIn(note.definition, () => note.path);
}

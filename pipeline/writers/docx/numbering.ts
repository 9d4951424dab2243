/**
 * Word numbering for the edition's lists (numbering.xml): one definition per kind of list, its
 * levels drawn from the markers the model resolved (the bullet glyph of the list's depth; `N.` for
 * ordered lists, counted from the list's start), and one numbering instance per list, so each
 * ordered list counts from its own start (`w:lvlOverride/w:startOverride` of its `w:num`).
 */
import { AlignmentType, LevelFormat, type ILevelsOptions, type NumberingDefinition } from 'docx';
import type { List } from 'mdast';
import { FAMILY_OF } from '../../text/fonts.js';
import { faceFor } from '../../text/measure.js';
import type { ExtraFace } from './package.js';
import { LIST_STEP } from './styles.js';

/** Word has nine list levels (`w:ilvl` 0..8); deeper lists use the last, indented further by hand. */
export const LEVELS = 9;

/** Left indent of a list level's text, in twips (its marker hangs LIST_STEP to the left of it). */
export const levelIndent = (level: number): number => LIST_STEP * (level + 1);

/** The paragraph numbering of one list: its definition's reference, its instance and its level. */
export interface ListRef {
  reference: string;
  instance: number;
  level: number;
}

function levels(format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (level: number) => string, start: number, font: string): ILevelsOptions[] {
  return Array.from({ length: LEVELS }, (_, level) => ({
    level,
    format,
    text: text(level),
    start,
    alignment: AlignmentType.LEFT,
    style: {
      run: { font },
      paragraph: { indent: { left: levelIndent(level), hanging: LIST_STEP } },
    },
  }));
}

export class ListNumbering {
  private readonly definitions = new Map<string, NumberingDefinition>();
  private instances = 0;

  /** `use` is told of the faces besides PT Serif the markers need. */
  constructor(private readonly use: (face: ExtraFace) => void) {}

  /** A family that draws the glyph: PT Serif when it has it, else PT Mono or DejaVu Sans (◦ is PT Mono's). */
  private fontFor(glyph: string): string {
    const face = faceFor(glyph, 'regular');
    if (face === 'mono' || face === 'symbol') this.use(face);
    return FAMILY_OF[face];
  }

  /** The numbering of `list`: a new instance of the definition for its kind and marker. */
  of(list: List): ListRef {
    const depth = list.data?.depth ?? 0;
    const level = Math.min(depth, LEVELS - 1);
    const reference = list.ordered ? this.ordered(list.start ?? 1) : this.bullet(list.children[0]?.data?.marker ?? '•');
    return { reference, instance: ++this.instances, level };
  }

  private ordered(start: number): string {
    const reference = `ordered-${start}`;
    if (!this.definitions.has(reference)) {
      this.definitions.set(reference, { reference, levels: levels(LevelFormat.DECIMAL, (level) => `%${level + 1}.`, start, FAMILY_OF.regular) });
    }
    return reference;
  }

  private bullet(glyph: string): string {
    const reference = `bullet-${[...glyph].map((c) => c.codePointAt(0)!.toString(16)).join('-')}`;
    if (!this.definitions.has(reference)) {
      this.definitions.set(reference, { reference, levels: levels(LevelFormat.BULLET, () => glyph, 1, this.fontFor(glyph)) });
    }
    return reference;
  }

  /** The definitions the document's lists use, for `Document`'s `numbering.config`. */
  config(): NumberingDefinition[] {
    return [...this.definitions.values()];
  }
}

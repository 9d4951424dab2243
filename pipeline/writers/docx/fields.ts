/**
 * Word fields (TOC, PAGEREF, PAGE) written as Word writes them: each part in its own run (begin, the
 * instruction, separate, the stored result, end), so that LibreOffice keeps the result, and always
 * with a stored result, so that readers that never recalculate (Pandoc, previews) show one and Word
 * has nothing to ask about on opening. Word and LibreOffice compute their own when they lay out.
 */
import { TextRun, XmlAttributeComponent, XmlComponent, type IRunOptions, type ParagraphChild } from 'docx';

class FieldCharAttributes extends XmlAttributeComponent<{ type: 'begin' | 'separate' | 'end' }> {
  protected override readonly xmlKeys = { type: 'w:fldCharType' };
}

class FieldChar extends XmlComponent {
  constructor(type: 'begin' | 'separate' | 'end') {
    super('w:fldChar');
    this.root.push(new FieldCharAttributes({ type }));
  }
}

class SpaceAttributes extends XmlAttributeComponent<{ space: 'preserve' }> {
  protected override readonly xmlKeys = { space: 'xml:space' };
}

class Instruction extends XmlComponent {
  constructor(code: string) {
    super('w:instrText');
    this.root.push(new SpaceAttributes({ space: 'preserve' }));
    this.root.push(code);
  }
}

/** Run formatting the field's runs share (a style, a size). */
export type FieldLook = Omit<IRunOptions, 'children' | 'text' | 'break'>;

/** The runs that open a field: begin, its instruction (` PAGEREF _Toc1 \h `), separate; its result follows. */
export function fieldStart(instruction: string, look: FieldLook = {}): ParagraphChild[] {
  return [
    new TextRun({ ...look, children: [new FieldChar('begin')] }),
    new TextRun({ ...look, children: [new Instruction(` ${instruction.trim()} `)] }),
    new TextRun({ ...look, children: [new FieldChar('separate')] }),
  ];
}

/** The run that closes a field, after its result. */
export function fieldEnd(look: FieldLook = {}): ParagraphChild {
  return new TextRun({ ...look, children: [new FieldChar('end')] });
}

/** A whole field in one paragraph: its instruction and its stored result as text. */
export function field(instruction: string, result: string, look: FieldLook = {}): ParagraphChild[] {
  return [...fieldStart(instruction, look), new TextRun({ ...look, text: result }), fieldEnd(look)];
}

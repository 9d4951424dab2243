/** The runs of a code block: its lines kept as they are, a `w:br` between lines, each tab a `w:tab`, spaces preserved. */
import { Tab, TextRun } from 'docx';

export function codeRuns(value: string): TextRun[] {
  if (value === '') return [];
  return value.split('\n').map((line, i) => {
    const parts = line.split('\t').flatMap((text, k) => (k === 0 ? (text ? [text] : []) : [new Tab(), ...(text ? [text] : [])]));
    return new TextRun({ ...(i > 0 ? { break: 1 } : {}), children: parts });
  });
}

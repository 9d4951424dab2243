/**
 * Reads a UTF-8 source file strictly: only a regular file (a FIFO or device is refused, never read),
 * invalid UTF-8 is an error with its byte offset, a BOM is dropped, line endings become `\n`, and
 * control characters (C0 other than tab and newline, DEL, C1) and Unicode noncharacters (U+FFFE,
 * U+FDD0…) are removed with a warning at their place: invisible in an editor, they would reach the
 * editions (and are not allowed in XML, so in a DOCX).
 */
import type { Diagnostics } from '../util/diagnostics.js';
import { readFailure, readRegularFile } from '../util/read-file.js';
import { pointAt } from './read-json.js';

/** One character class of what is removed: C0 but tab and newline, DEL, C1, the noncharacters. */
const NONCHARACTERS = Array.from({ length: 17 }, (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`).join('');
export const CONTROL = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\ufdd0-\\ufdef${NONCHARACTERS}]`, 'gu');

/** At most this many warnings per file, then one saying how many more. */
const MAX_WARNINGS = 10;

export function describeControl(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const what = code < 0x20 || code === 0x7f ? 'a control character' : code < 0xa0 ? 'a C1 control character' : 'a Unicode noncharacter';
  return `${hex} (${what})`;
}

/** The text without control characters, each removal warned at its place in `path`. */
export function removeControls(text: string, path: string, diagnostics: Diagnostics): string {
  if (text.search(CONTROL) < 0) return text;
  let count = 0;
  for (const match of text.matchAll(CONTROL)) {
    if (++count > MAX_WARNINGS) continue;
    diagnostics.warn(path, `${describeControl(match[0])} removed: it is invisible in an editor and has no place in an edition`, { place: pointAt(text, match.index), ruleId: 'control-character' });
  }
  if (count > MAX_WARNINGS) {
    diagnostics.warn(path, `${count - MAX_WARNINGS} more control characters removed (${count} in all)`, { ruleId: 'control-character' });
  }
  return text.replace(CONTROL, '');
}

export async function readText(path: string, diagnostics: Diagnostics): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path);
  } catch (error) {
    diagnostics.error(path, readFailure(error), { ruleId: 'missing-file' });
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // The first offending byte: where the lenient decoding (U+FFFD for each bad sequence), encoded
    // again, first differs from the file (one pass, not a decoding per prefix).
    const again = Buffer.from(bytes.toString('utf8'), 'utf8');
    let offset = 0;
    while (offset < bytes.length && offset < again.length && bytes[offset] === again[offset]) offset++;
    diagnostics.error(path, `invalid UTF-8 at byte ${offset}: save the file as UTF-8`, { ruleId: 'invalid-utf8' });
    return undefined;
  }
  // Normalise line endings so positions are stable whatever the editor wrote.
  return removeControls(text.replace(/\r\n?/g, '\n'), path, diagnostics);
}

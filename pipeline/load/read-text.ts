/** Reads a UTF-8 source file strictly: invalid UTF-8 is an error with its byte offset; a BOM is dropped. */
import { readFile } from 'node:fs/promises';
import type { Diagnostics } from '../util/diagnostics.js';

export async function readText(path: string, diagnostics: Diagnostics): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    diagnostics.error(path, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { ruleId: 'missing-file' });
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Find the first offending byte to say where.
    let offset = 0;
    for (let end = 1; end <= bytes.length; end++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      } catch {
        offset = end - 1;
        break;
      }
    }
    diagnostics.error(path, `invalid UTF-8 at byte ${offset}: save the file as UTF-8`, { ruleId: 'invalid-utf8' });
    return undefined;
  }
  // Normalise line endings so positions are stable whatever the editor wrote.
  return text.replace(/\r\n?/g, '\n');
}

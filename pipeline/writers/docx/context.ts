/** The DOCX writer's environment and state: the edition, and Word bookmark names for the report's ids. */
import type { Edition } from '../../model/types.js';

export class DocxContext {
  private readonly names = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(readonly edition: Edition) {}

  /** A Word bookmark name for an id: letters, digits and `_`, at most 40 characters, unique. */
  bookmark(id: string): string {
    let name = this.names.get(id);
    if (name) return name;
    const base = `b_${id.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 36);
    name = base;
    for (let k = 2; this.used.has(name); k++) name = `${base}_${k}`;
    this.used.add(name);
    this.names.set(id, name);
    return name;
  }
}

/**
 * Diagnostics: every problem is a vfile message with a place, a rule id and a hint.
 * One VFile per source file (chapters, JSON files, templates) collects its messages.
 */
import { VFile } from 'vfile';
import type { Point, Position } from 'unist';

export type Place = Position | Point | undefined;

export interface MessageOptions {
  place?: Place;
  ruleId: string;
  /** `error` fails `folio check` (exit 1); `warning` does not. */
  severity?: 'error' | 'warning';
}

export class Diagnostics {
  readonly files = new Map<string, VFile>();
  /** Messages already given (path, place, rule, text): text the pipeline repeats (the annex's copies) is reported once. */
  private readonly given = new Set<string>();

  file(path: string, value?: string): VFile {
    let file = this.files.get(path);
    if (!file) {
      file = new VFile({ path, value });
      this.files.set(path, file);
    } else if (value !== undefined && file.value === undefined) {
      file.value = value;
    }
    return file;
  }

  error(path: string, reason: string, options: Omit<MessageOptions, 'severity'>): void {
    this.add(path, reason, { ...options, severity: 'error' });
  }

  warn(path: string, reason: string, options: Omit<MessageOptions, 'severity'>): void {
    this.add(path, reason, { ...options, severity: 'warning' });
  }

  add(path: string, reason: string, options: MessageOptions): void {
    const key = JSON.stringify([path, options.place ?? null, options.ruleId, options.severity ?? 'warning', reason]);
    if (this.given.has(key)) return;
    this.given.add(key);
    const file = this.file(path);
    const message = file.message(reason, { place: options.place, ruleId: options.ruleId, source: 'folio' });
    message.fatal = options.severity === 'error' ? true : false;
  }

  get errorCount(): number {
    let n = 0;
    for (const f of this.files.values()) n += f.messages.filter((m) => m.fatal === true).length;
    return n;
  }

  get warningCount(): number {
    let n = 0;
    for (const f of this.files.values()) n += f.messages.filter((m) => m.fatal !== true).length;
    return n;
  }

  /**
   * All messages in file order, then by place. `endLine` and `endColumn` are given when the place is
   * a range: the end as unist counts it, the column just after the last character.
   */
  list(): Message[] {
    const out: Message[] = [];
    for (const [path, f] of [...this.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      for (const m of f.messages) {
        const end = m.place && 'end' in m.place ? m.place.end : undefined;
        out.push({
          path,
          line: m.line ?? undefined,
          column: m.column ?? undefined,
          ...(end?.line ? { endLine: end.line, endColumn: end.column } : {}),
          severity: m.fatal === true ? ('error' as const) : ('warning' as const),
          ruleId: m.ruleId ?? 'folio',
          message: m.reason,
        });
      }
    }
    return out.sort((a, b) => (a.path === b.path ? (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) : 0));
  }
}

/** One problem as the reporters print it. */
export interface Message {
  path: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity: 'error' | 'warning';
  ruleId: string;
  message: string;
}

/** Thrown for problems that stop a build (bad arguments, unreadable files). */
export class FolioError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'FolioError';
    // Again, now that the name is set: the stack's first line then says `FolioError:`, which is how a
    // writer's error that crossed a worker thread as text is told from a bug (build.ts).
    Error.captureStackTrace(this, new.target);
  }
}

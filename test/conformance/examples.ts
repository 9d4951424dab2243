/**
 * The conformance examples: the 652 CommonMark 0.31.2 spec examples (npm `commonmark-spec`) and the
 * GFM extension examples (`gfm-examples.json`: tables, task lists, strikethrough, autolinks from the
 * GFM spec, footnotes as GitHub renders them with micromark).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Example {
  /** `cm-123` (CommonMark example 123), `gfm-198`, `fn-3`. */
  id: string;
  /** CommonMark example number, when it is one. */
  number?: number;
  section: string;
  markdown: string;
  /** The HTML the spec gives for it (for the few CommonMark examples GFM changes, the GFM reading). */
  html: string;
  source: string;
  /** The CommonMark spec's HTML, when `html` is GFM's reading instead. */
  commonmarkHtml?: string;
}

interface SpecTest {
  markdown: string;
  html: string;
  section: string;
  number: number;
}

const require = createRequire(import.meta.url);

/** The spec writes tabs as `→` in its examples (its own test runner turns them back). */
const tabs = (s: string) => s.replace(/→/g, '\t');

export function commonmarkExamples(): Example[] {
  const spec = require('commonmark-spec') as { tests: SpecTest[] };
  const { overrides } = JSON.parse(readFileSync(join(import.meta.dirname, 'gfm-overrides.json'), 'utf8')) as { overrides: Record<string, { html: string; why: string }> };
  return spec.tests.map((t) => {
    const id = `cm-${t.number}`;
    const o = overrides[id];
    return {
      id,
      number: t.number,
      section: t.section,
      markdown: tabs(t.markdown),
      html: o ? o.html : tabs(t.html),
      source: `CommonMark 0.31.2, example ${t.number}${o ? ` (GFM reading: ${o.why})` : ''}`,
      commonmarkHtml: o ? tabs(t.html) : undefined,
    };
  });
}

export function gfmExamples(): Example[] {
  const raw = JSON.parse(readFileSync(join(import.meta.dirname, 'gfm-examples.json'), 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new Error('gfm-examples.json: not an array');
  return raw.map((e: unknown, i) => {
    const o = e as Record<string, unknown>;
    for (const key of ['id', 'section', 'markdown', 'html', 'source']) {
      if (typeof o[key] !== 'string') throw new Error(`gfm-examples.json[${i}]: ${key} is not a string`);
    }
    return { id: o.id as string, section: o.section as string, markdown: o.markdown as string, html: o.html as string, source: o.source as string };
  });
}

export function allExamples(): Example[] {
  return [...commonmarkExamples(), ...gfmExamples()];
}

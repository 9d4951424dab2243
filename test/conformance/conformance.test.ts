/**
 * CommonMark 0.31.2 + GFM conformance of the three writers (see suite.ts): every example built,
 * each edition read back and checked for structure. Targets: HTML exact on ≥ 98 % of the examples
 * not refused; every DOCX and PDF feature on ≥ 95 % of the examples it applies to; every refusal
 * placed at file:line:column without a stack trace. The failures go to out/conformance/failures.json
 * (`npx tsx test/conformance/report.ts` prints the whole table).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { allExamples } from './examples.js';
import { commonReasons, FEATURE_ORDER, figures, runSuite, TARGETS, writeFailures, type Figures } from './suite.js';
import type { Format } from './build-example.js';

let f: Figures;

beforeAll(async () => {
  const { outcomes, ms } = await runSuite();
  f = figures(outcomes, ms);
  writeFailures(f);
}, 600_000);

function failuresOf(format: Format, feature: string): string {
  const list = f.failures.filter((x) => x.format === format && x.feature === feature);
  const reasons = commonReasons({ ...f, failures: list }, format, 5).map((r) => `${r.count}× ${r.reason} (${r.examples.join(', ')})`);
  return `${format} ${feature}: ${list.length} failing examples; most common: ${reasons.join(' | ')}`;
}

describe('CommonMark + GFM conformance', () => {
  it('builds every example', () => {
    expect(f.examples).toBe(allExamples().length);
  });

  it(`HTML: the chapter equals the spec's HTML on ≥ ${TARGETS.htmlExact}% of the examples not refused`, () => {
    const exact = f.features.html.find((x) => x.feature === 'exact');
    expect(exact?.applicable ?? 0).toBeGreaterThan(0);
    expect(exact!.percent, failuresOf('html', 'exact')).toBeGreaterThanOrEqual(TARGETS.htmlExact);
  });

  for (const format of ['docx', 'pdf'] as const) {
    for (const feature of FEATURE_ORDER[format]) {
      it(`${format.toUpperCase()} ${feature}: ≥ ${TARGETS.feature}% of the examples it applies to`, () => {
        const fig = f.features[format].find((x) => x.feature === feature);
        if (feature === 'read') {
          // Only present when an edition could not be read back at all.
          expect(fig?.passed ?? 0, fig ? failuresOf(format, feature) : '').toBe(fig?.applicable ?? 0);
          return;
        }
        expect(fig?.applicable ?? 0, `no example exercised ${format} ${feature}`).toBeGreaterThan(0);
        expect(fig!.percent, failuresOf(format, feature)).toBeGreaterThanOrEqual(TARGETS.feature);
      });
    }
  }

  it('every refusal is placed at file:line:column and shows no stack trace', () => {
    const bad = f.badRefusals.map((b) => `${b.example} ${b.format}: ${b.problem}: ${b.messages[0] ?? ''}`.slice(0, 300));
    expect(bad, bad.slice(0, 10).join('\n')).toEqual([]);
  });
});

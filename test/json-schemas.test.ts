/**
 * The schemas of the source's JSON files are valid JSON Schema (draft-07, ajv's default): the
 * build no longer checks them against the meta-schema each run, so this test does.
 */
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { labelsSchema, reportSchema, resultsSchema } from '../pipeline/load/schemas.js';

describe('the JSON schemas of report.json, results and labels', () => {
  const ajv = new Ajv({ strict: true });
  ajv.addFormat('date', { type: 'string', validate: () => true });
  for (const [name, schema] of Object.entries({ reportSchema, resultsSchema, labelsSchema })) {
    it(`${name} is valid against the meta-schema and compiles in strict mode`, () => {
      expect(ajv.validateSchema(schema), ajv.errorsText(ajv.errors)).toBe(true);
      expect(() => ajv.compile(schema)).not.toThrow();
    });
  }

  it('a schema the meta-schema refuses is told apart (the check can fail)', () => {
    expect(ajv.validateSchema({ type: 'objekt' })).toBe(false);
  });
});

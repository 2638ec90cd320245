import { describe, expect, it } from 'vitest';
import { ALWAYS_KEPT, projectFields, renderJson, renderJsonLine } from '../../../src/render/json.js';
import { sampleResult } from './sample.js';

describe('json and --fields', () => {
  const r = sampleResult();

  it('jsonl is one line per record; json is indented and parses back', () => {
    const line = renderJsonLine(r);
    expect(line.split('\n')).toHaveLength(2);
    expect(JSON.parse(line)).toEqual(r);
    expect(JSON.parse(renderJson(r))).toEqual(r);
  });

  it.each([
    [['entities', 'quotes'], ['schema', 'source', 'offsets', 'fields', 'entities', 'quotes']],
    [['sentences'], ['schema', 'source', 'offsets', 'fields', 'sentences']],
    [[], ['schema', 'source', 'offsets', 'fields']],
  ] as const)('--fields %j keeps %j', (fields, keys) => {
    const p = projectFields(r, fields);
    expect(Object.keys(p)).toEqual(keys);
    expect(p.fields).toEqual(fields);
  });

  it('schema, source and offsets are always kept', () => {
    expect(ALWAYS_KEPT).toEqual(['schema', 'source', 'offsets']);
  });

  it('text is kept only when present', () => {
    expect(projectFields(r, ['text'])).not.toHaveProperty('text');
    expect(projectFields({ ...r, text: 'x' }, ['text']).text).toBe('x');
  });
});

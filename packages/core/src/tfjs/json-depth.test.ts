// A deeply nested but valid model.json (issue 14, point 13) says "nested deeper than N" instead
// of "is not JSON (Maximum call stack size exceeded)"; nesting inside strings does not count.
import { describe, expect, it } from 'vitest';
import { ModelFormatError } from './errors';
import { MAX_JSON_DEPTH, findExcessNesting } from './json-depth';
import { loadTfjsModel } from './model';
import { parseModelJson } from './model-json';

const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);

async function refusal(source: Parameters<typeof loadTfjsModel>[0]): Promise<ModelFormatError> {
  const error = await loadTfjsModel(source).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelFormatError);
  return error as ModelFormatError;
}

describe('nesting depth of model.json', () => {
  it.each([1_000, 100_000, 1_000_000])('a valid model.json with %i nested arrays in userDefinedMetadata is refused by depth', async (depth) => {
    const text = `{"format":"layers-model","modelTopology":{"class_name":"Sequential","config":{"layers":[]}},"userDefinedMetadata":{"deep":${nested(depth)}}}`;
    const error = await refusal({ modelJson: text });
    expect(error.code).toBe('E_MODEL_FORMAT');
    expect(error.message).toMatch(new RegExp(`^model\\.json is nested deeper than ${MAX_JSON_DEPTH} levels \\(at character \\d+\\)`));
    expect(error.message).not.toMatch(/call stack/);
  });

  it('objects count as levels; brackets inside strings (escaped quotes too) do not', () => {
    expect(findExcessNesting(nested(300, '{"a":', '}').replace(/}$/, '0}'), 256)).toBeGreaterThan(0);
    expect(findExcessNesting(`["${'['.repeat(10_000)}\\"${'{'.repeat(10_000)}"]`, 256)).toBe(-1);
    expect(findExcessNesting(nested(256), 256)).toBe(-1);
    expect(findExcessNesting(nested(257), 256)).toBe(256);
  });

  it('an in-memory object nested past the limit is refused the same way', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 10_000; i++) deep = { d: deep };
    expect(() => parseModelJson({ format: 'layers-model', modelTopology: { class_name: 'Sequential', config: { layers: [] } }, userDefinedMetadata: { deep } })).toThrow(
      /nested deeper than 256 levels \(an in-memory object\)/,
    );
  });
});

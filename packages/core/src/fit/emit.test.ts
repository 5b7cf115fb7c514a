// The emitted code's header (issues 11 and 14): it says how to plug the curve into the elastic
// engine from React, Vue and Svelte, and nothing in a model's name or formula can end the comment.
import { describe, expect, it } from 'vitest';
import { ARTICLE_SAMPLES } from './articleSamples';
import { FittedCurve } from './curve';
import { fitCurve } from './fit';

const load = (code: string, name = 'damping') => new Function(`${code.replace(/^export /gm, '')}\nreturn ${name};`)() as (x: number, max?: number) => number;
/** The header comment: everything up to the first comment end. */
const header = (code: string) => code.slice(code.indexOf('/**'), code.indexOf('*/') + 2);

describe('emitted code header', () => {
  it('says how to use the curve with useDamping, v-elastic, use:elastic and attachElastic', () => {
    const { curve } = fitCurve(ARTICLE_SAMPLES, { model: 'll3' });
    for (const [code, file] of [[curve.toJS(), 'damping.js'], [curve.toTS(), 'damping.ts']] as const) {
      const text = header(code);
      expect(text).toContain(`tensile fit --emit ${file.slice(-2)} > ${file}`);
      expect(text).toContain("import { damping } from './damping");
      expect(text).toContain('useDamping({ curve: damping, pullToRefresh: { onRefresh } })');
      expect(text).toContain('<ul v-elastic="{ curve: damping, pullToRefresh: { onRefresh } }">');
      expect(text).toContain('<ul use:elastic={{ curve: damping, pullToRefresh: { onRefresh } }}>');
      expect(text).toContain('attachElastic(list, { curve: damping, pullToRefresh: { onRefresh } })');
      expect(code).toMatch(/^export function damping\(x/m);
    }
    // With another name the usage follows it.
    expect(header(curve.toJS({ name: 'feedCurve' }))).toContain("import { feedCurve } from './feedCurve.js'");
  });

  it('a model name or formula holding */ (a custom registry, a formula model) cannot close the comment', () => {
    const { curve } = fitCurve(ARTICLE_SAMPLES, { model: 'll3' });
    const hostile = new FittedCurve(
      { ...curve.model, name: 'evil */ globalThis.pwned = 1; /*', formula: 'd/(1+(e/x)^b) */ globalThis.pwned = 2; //\nglobalThis.pwned = 3' },
      curve.paramArray(),
    );
    const code = hostile.toJS();
    // One comment end: the header's own.
    expect(code.match(/\*\//g)).toHaveLength(1);
    expect(header(code)).toContain('evil *\\/ globalThis.pwned = 1; /*');
    (globalThis as { pwned?: number }).pwned = 0;
    const damping = load(code);
    expect((globalThis as { pwned?: number }).pwned).toBe(0);
    expect(damping(500)).toBe(curve.evaluate(500));
    expect(hostile.toTS().match(/\*\//g)).toHaveLength(1);
  });
});

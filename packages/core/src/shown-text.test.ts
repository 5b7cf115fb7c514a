// Invisible characters in error messages (issue 14, point 13): zero-width spaces, bidi overrides,
// BOMs, odd spaces and controls in user input are shown as \u{...} escapes in every typed error,
// and the parse error's caret still points at the right column.
import { describe, expect, it } from 'vitest';
import { parseFormula } from './diff/symbolic/index';
import { parseSamples } from './fit/parse';
import { parseModelJson } from './tfjs/model-json';
import { TensileError } from './errors';
import { escapeInvisible } from './shown-text';

const INVISIBLES = ['\u200B', '\u200E', '\u202E', '\u2066', '\uFEFF', '\u00A0', '\u2028', '\u0000', '\u001B', '\u180E', '\uFE0F', '\uD800'];

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(TensileError);
    return (err as Error).message;
  }
  throw new Error('expected a typed error');
}

describe('invisible characters in error messages', () => {
  it.each(INVISIBLES.map((ch) => [escapeInvisible(ch), ch]))('%s in a formula is escaped, the caret under it', (escaped, ch) => {
    const message = messageOf(() => parseFormula(`x +${ch} 1`));
    expect(message.split('\n')[0]).toMatch(/^unexpected character "\\u(\{[0-9A-F]{4}\}|[0-9a-f]{4})" at column 4$/);
    const [, excerpt, caret] = message.split('\n');
    expect(excerpt.indexOf(escaped)).toBe(caret.indexOf('^'));
    for (const invisible of INVISIBLES) expect(message.includes(invisible)).toBe(false);
  });

  it('in an unknown variable, a CSV cell, a model.json key and a shard path', () => {
    const messages = [
      messageOf(() => parseFormula('x\u200By', { variables: ['x'] })),
      messageOf(() => parseSamples('x,y\n1,2\u200B\n')),
      messageOf(() => parseModelJson('{"format":"graph-model\u202E","modelTopology":{"node":[],"versions":{}}}')),
      messageOf(() => parseModelJson({ format: 'graph-model', modelTopology: { node: [], versions: {} }, weightsManifest: [{ paths: ['w\u200B.bin'], weights: [] }] })),
    ];
    for (const message of messages) {
      expect(message).toMatch(/\\u\{(200B|202E)\}/);
      expect(/[\u200B\u202E]/.test(message)).toBe(false);
    }
  });

  it('leaves visible text alone (accents, CJK, emoji) and keeps the message lines', () => {
    expect(escapeInvisible('é 漢字 🙂 x+1')).toBe('é 漢字 🙂 x+1');
    expect(messageOf(() => parseFormula('x + é')).split('\n')).toHaveLength(3);
  });
});

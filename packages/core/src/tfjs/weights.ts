// Decodes the binary weight data of a TF.js model (the shards concatenated in manifest order) into
// typed arrays, without TF.js: float32, int32, bool, string, and the converter's quantised
// storage (uint8/uint16 affine with scale and min, float16). Checks byte lengths and finiteness.
import { describeValue } from '../errors';
import { ModelFormatError } from './errors';
import type { WeightSpec } from './model-json';

/** A weight read from the shards, decoded (and de-quantised) into a typed array. */
export interface DecodedWeight {
  /** The weight's name, as in the manifest. */
  readonly name: string;
  /** Its dimensions. */
  readonly shape: readonly number[];
  /** The dtype the model computes with (float32 for quantised floats). */
  readonly dtype: 'float32' | 'int32' | 'bool' | 'string' | 'complex64';
  /** The values, row-major. */
  readonly values: Float32Array | Int32Array | Uint8Array | string[];
  /** Bytes the weight occupies in the shards. */
  readonly byteLength: number;
}

function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function bytesPerElement(spec: WeightSpec): number {
  if (spec.quantization) return spec.quantization.dtype === 'uint8' ? 1 : 2;
  switch (spec.dtype) {
    case 'bool':
      return 1;
    case 'complex64':
      return 8;
    default:
      return 4;
  }
}

/** IEEE 754 half -> double (exact: every half is a double). */
export function float16ToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** Bytes the manifest says the shards hold (strings excepted: their size is only known from the data). */
export function expectedWeightBytes(specs: readonly WeightSpec[]): number | null {
  let total = 0;
  for (const s of specs) {
    if (s.dtype === 'string' && !s.quantization) return null;
    total += elementCount(s.shape) * bytesPerElement(s);
  }
  return total;
}

/**
 * Decodes `data` against `specs`. Throws ModelFormatError when a weight runs past the end of the
 * data ("absent from the bytes"), when bytes are left over, or when a float weight is not finite.
 */
export function decodeWeights(specs: readonly WeightSpec[], data: ArrayBuffer, opts: { allowNonFinite?: boolean } = {}): Map<string, DecodedWeight> {
  if (!Array.isArray(specs)) throw new ModelFormatError('E_MODEL_WEIGHTS', `decodeWeights: specs must be an array of weight specs, got ${describeValue(specs)}`, { where: 'specs', value: specs });
  if (Object.prototype.toString.call(data) !== '[object ArrayBuffer]') throw new ModelFormatError('E_MODEL_WEIGHTS', `decodeWeights: data must be an ArrayBuffer, got ${describeValue(data)}`, { where: 'data', value: data });
  const out = new Map<string, DecodedWeight>();
  const view = new DataView(data);
  let offset = 0;
  const need = (spec: WeightSpec, bytes: number) => {
    if (offset + bytes > data.byteLength) {
      const expected = expectedWeightBytes(specs);
      throw new ModelFormatError(
        'E_MODEL_WEIGHTS',
        `weight ${JSON.stringify(spec.name)} (shape [${spec.shape.join(', ')}], ${bytes} bytes at offset ${offset}) is absent from the weight data: ` +
          `the shards hold ${data.byteLength} bytes${expected !== null ? ` but the manifest describes ${expected}` : ''}`,
        { where: spec.name, value: data.byteLength },
      );
    }
  };
  for (const spec of specs) {
    const n = elementCount(spec.shape);
    let values: DecodedWeight['values'];
    let byteLength: number;
    const q = spec.quantization;
    if (q) {
      byteLength = n * (q.dtype === 'uint8' ? 1 : 2);
      need(spec, byteLength);
      const target = spec.dtype === 'int32' ? new Int32Array(n) : new Float32Array(n);
      for (let i = 0; i < n; i++) {
        const at = offset + i * (q.dtype === 'uint8' ? 1 : 2);
        if (q.dtype === 'float16') target[i] = float16ToNumber(view.getUint16(at, true));
        else {
          const raw = q.dtype === 'uint8' ? view.getUint8(at) : view.getUint16(at, true);
          target[i] = raw * (q.scale as number) + (q.min as number);
        }
      }
      values = target;
    } else if (spec.dtype === 'string') {
      const strings: string[] = [];
      const start = offset;
      const decoder = new TextDecoder();
      for (let i = 0; i < n; i++) {
        need(spec, 4);
        const len = view.getUint32(offset, true);
        offset += 4;
        need(spec, len);
        strings.push(decoder.decode(new Uint8Array(data, offset, len)));
        offset += len;
      }
      byteLength = offset - start;
      offset = start;
      values = strings;
    } else {
      byteLength = n * bytesPerElement(spec);
      need(spec, byteLength);
      // Copy (slice) so the result is aligned and independent of the shard buffer.
      const bytes = data.slice(offset, offset + byteLength);
      values = spec.dtype === 'int32' ? new Int32Array(bytes) : spec.dtype === 'bool' ? new Uint8Array(bytes) : new Float32Array(bytes);
    }
    if (!opts.allowNonFinite && values instanceof Float32Array) {
      for (let i = 0; i < values.length; i++) {
        if (!Number.isFinite(values[i])) {
          throw new ModelFormatError('E_MODEL_NON_FINITE', `weight ${JSON.stringify(spec.name)} holds ${values[i]} at element ${i}; weights must be finite`, {
            where: spec.name,
            value: values[i],
          });
        }
      }
    }
    const dtype = spec.quantization?.original_dtype ?? spec.dtype;
    out.set(spec.name, { name: spec.name, shape: spec.shape, dtype: dtype === 'complex64' ? 'complex64' : (dtype as DecodedWeight['dtype']), values, byteLength });
    offset += byteLength;
  }
  if (offset !== data.byteLength) {
    throw new ModelFormatError(
      'E_MODEL_WEIGHTS',
      `the weight data is ${data.byteLength} bytes but the manifest describes ${offset}: the shards do not belong to this model.json (or were truncated/padded)`,
      { where: 'weightsManifest', value: data.byteLength },
    );
  }
  return out;
}

/** Concatenates shard buffers into one ArrayBuffer (the layout TF.js uses). */
export function concatShards(shards: readonly (ArrayBuffer | ArrayBufferView)[]): ArrayBuffer {
  const views = shards.map((s) => (ArrayBuffer.isView(s) ? new Uint8Array(s.buffer, s.byteOffset, s.byteLength) : new Uint8Array(s)));
  const total = views.reduce((a, v) => a + v.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const v of views) {
    out.set(v, at);
    at += v.byteLength;
  }
  return out.buffer;
}

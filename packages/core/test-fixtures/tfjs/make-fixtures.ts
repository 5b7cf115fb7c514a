// Writes the hand-made TF.js model fixtures in the exact layout tensorflowjs_converter emits (node
// names, base64 fused_ops, separate Selu/Tanh nodes, signature, quantised weight storage), so the
// loaders are tested on converter-shaped files without Python. Rerun after changing it:
//   npx tsx packages/core/test-fixtures/tfjs/make-fixtures.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// Deterministic weights (core's seeded generator), so the fixtures never change between runs.
import { mulberry32 as rng } from '../../src/nn/random';

const here = path.dirname(fileURLToPath(import.meta.url));

interface Tensor {
  name: string;
  shape: number[];
  values: Float32Array;
}

const dims = (shape: number[]) => ({ dim: shape.map((d) => ({ size: String(d) })) });
const b64 = (s: string) => Buffer.from(s).toString('base64');
const floatT = { type: 'DT_FLOAT' };
const prefix = 'StatefulPartitionedCall/sequential';

/** The Keras net Dense(6, selu) -> Dense(6, tanh) -> Dense(4, relu) -> Dense(1), input 1, as the converter lays it out. */
function converterGraph(seed: number, unfused: boolean) {
  const r = rng(seed);
  const sizes = [1, 6, 6, 4, 1];
  const acts = ['Selu', 'Tanh', 'Relu', null];
  const tensors: Tensor[] = [];
  const nodes: Record<string, unknown>[] = [
    { name: 'dense_input', op: 'Placeholder', attr: { dtype: floatT, shape: { shape: dims([-1, 1]) } } },
  ];
  let current = 'dense_input';
  if (unfused) {
    // Input normalisation as Keras Normalization/Rescaling layers leave it: Sub then Mul by constants.
    tensors.push({ name: 'norm/mean', shape: [], values: new Float32Array([6000]) });
    tensors.push({ name: 'norm/inv_std', shape: [1], values: new Float32Array([1 / 4000]) });
    nodes.push({ name: 'norm/sub', op: 'Sub', input: [current, 'norm/mean'], attr: { T: floatT } });
    nodes.push({ name: 'norm/mul', op: 'Mul', input: ['norm/sub', 'norm/inv_std'], attr: { T: floatT } });
    current = 'norm/mul';
  }
  for (let k = 0; k < 4; k++) {
    const layer = k === 0 ? 'dense' : `dense_${k}`;
    const [nIn, nOut] = [sizes[k], sizes[k + 1]];
    const kernel = Float32Array.from({ length: nIn * nOut }, () => (r() * 2 - 1) * Math.sqrt(6 / (nIn + nOut)) * (unfused ? 1 : k === 0 ? 1 / 4000 : 1));
    const bias = Float32Array.from({ length: nOut }, () => (r() * 2 - 1) * 0.2);
    // transpose_b stores the kernel [out, in] (what some converters emit for MatMul).
    const transposeB = unfused && k === 1;
    const stored = transposeB ? Float32Array.from({ length: nIn * nOut }, (_, idx) => kernel[(idx % nIn) * nOut + Math.floor(idx / nIn)]) : kernel;
    const kName = `${prefix}/${layer}/MatMul/ReadVariableOp`;
    const bName = `${prefix}/${layer}/BiasAdd/ReadVariableOp`;
    tensors.push({ name: kName, shape: transposeB ? [nOut, nIn] : [nIn, nOut], values: stored });
    tensors.push({ name: bName, shape: [nOut], values: bias });
    const act = acts[k];
    if (unfused) {
      nodes.push({ name: `${prefix}/${layer}/MatMul`, op: 'MatMul', input: [current, kName], attr: { T: floatT, transpose_a: { b: false }, transpose_b: { b: transposeB } } });
      nodes.push({ name: `${prefix}/${layer}/BiasAdd`, op: k === 2 ? 'AddV2' : 'BiasAdd', input: [`${prefix}/${layer}/MatMul`, bName], attr: { T: floatT, data_format: { s: b64('NHWC') } } });
      current = `${prefix}/${layer}/BiasAdd`;
      if (act) {
        nodes.push({ name: `${prefix}/${layer}/${act}`, op: act, input: [current], attr: { T: floatT } });
        current = `${prefix}/${layer}/${act}`;
      }
    } else {
      // Grappler fuses BiasAdd (+ Relu) into the MatMul; Selu and Tanh cannot be fused and stay separate nodes.
      const fuseAct = act === 'Relu';
      const name = fuseAct ? `${prefix}/${layer}/Relu` : `${prefix}/${layer}/BiasAdd`;
      nodes.push({
        name,
        op: '_FusedMatMul',
        input: [current, kName, bName],
        device: '/device:CPU:0',
        attr: {
          transpose_b: { b: false },
          T: floatT,
          num_args: { i: '1' },
          epsilon: { f: 0 },
          fused_ops: { list: { s: fuseAct ? [b64('BiasAdd'), b64('Relu')] : [b64('BiasAdd')] } },
          transpose_a: { b: false },
          leakyrelu_alpha: { f: 0.2 },
        },
      });
      current = name;
      if (act && !fuseAct) {
        nodes.push({ name: `${prefix}/${layer}/${act}`, op: act, input: [current], attr: { T: floatT } });
        current = `${prefix}/${layer}/${act}`;
      }
    }
  }
  nodes.push({ name: 'Identity', op: 'Identity', input: [current], attr: { T: floatT } });
  // The converter lists Const nodes first.
  const consts = tensors.map((t) => ({ name: t.name, op: 'Const', attr: { value: { tensor: { dtype: 'DT_FLOAT', tensorShape: dims(t.shape) } }, dtype: floatT } }));
  return { nodes: [...consts, ...nodes], tensors };
}

type Quant = 'uint8' | 'uint16' | 'float16' | null;

function toFloat16(v: number): number {
  const f32 = new Float32Array([v]);
  const u = new Uint32Array(f32.buffer)[0];
  const sign = (u >>> 16) & 0x8000;
  const exp = ((u >>> 23) & 0xff) - 127 + 15;
  let mant = u & 0x7fffff;
  if (exp <= 0) {
    if (exp < -10) return sign;
    mant = (mant | 0x800000) >> (1 - exp);
    return sign | ((mant + 0x1000) >> 13);
  }
  if (exp >= 0x1f) return sign | 0x7c00;
  const half = sign | (exp << 10) | (mant >> 13);
  return half + ((mant & 0x1000) ? 1 : 0);
}

/** Encodes weights the way tensorflowjs_converter --quantize_* does (affine uint8/uint16 with scale/min, or float16). */
function encode(tensors: Tensor[], quant: Quant) {
  const specs: Record<string, unknown>[] = [];
  const chunks: Uint8Array[] = [];
  for (const t of tensors) {
    if (!quant) {
      specs.push({ name: t.name, shape: t.shape, dtype: 'float32' });
      chunks.push(new Uint8Array(t.values.buffer.slice(0)));
    } else if (quant === 'float16') {
      const out = new Uint16Array(t.values.length);
      t.values.forEach((v, i) => (out[i] = toFloat16(v)));
      specs.push({ name: t.name, shape: t.shape, dtype: 'float32', quantization: { dtype: 'float16', original_dtype: 'float32' } });
      chunks.push(new Uint8Array(out.buffer));
    } else {
      const levels = quant === 'uint8' ? 255 : 65535;
      let min = Math.min(...t.values, 0);
      const max = Math.max(...t.values, 0);
      const scale = max - min > 0 ? (max - min) / levels : 1;
      // Keep zero exactly representable, as the converter does.
      min = Math.round(min / scale) * scale;
      const q = quant === 'uint8' ? new Uint8Array(t.values.length) : new Uint16Array(t.values.length);
      t.values.forEach((v, i) => (q[i] = Math.max(0, Math.min(levels, Math.round((v - min) / scale)))));
      specs.push({ name: t.name, shape: t.shape, dtype: 'float32', quantization: { dtype: quant, min, scale, original_dtype: 'float32' } });
      chunks.push(new Uint8Array(q.buffer));
    }
  }
  const total = chunks.reduce((a, c) => a + c.byteLength, 0);
  const data = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    data.set(c, at);
    at += c.byteLength;
  }
  return { specs, data };
}

function writeGraph(dir: string, seed: number, quant: Quant, unfused = false) {
  const { nodes, tensors } = converterGraph(seed, unfused);
  const { specs, data } = encode(tensors, quant);
  const modelJson = {
    format: 'graph-model',
    generatedBy: '2.15.0',
    convertedBy: 'TensorFlow.js Converter v4.22.0',
    signature: {
      inputs: { dense_input: { name: 'dense_input:0', dtype: 'DT_FLOAT', tensorShape: dims([-1, 1]) } },
      outputs: { dense_3: { name: 'Identity:0', dtype: 'DT_FLOAT', tensorShape: dims([-1, 1]) } },
    },
    modelTopology: { node: nodes, library: {}, versions: { producer: 1645 } },
    weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: specs }],
  };
  mkdirSync(path.join(here, dir), { recursive: true });
  writeFileSync(path.join(here, dir, 'model.json'), JSON.stringify(modelJson));
  writeFileSync(path.join(here, dir, 'group1-shard1of1.bin'), data);
}

/** A Keras Sequential converted to a layers model (tensorflowjs_converter --input_format keras), weights split over two shards. */
function writeKerasLayers(dir: string, seed: number) {
  const r = rng(seed);
  const sizes = [1, 8, 8, 1];
  const acts = ['tanh', 'elu', 'linear'];
  const tensors: Tensor[] = [];
  const layers: Record<string, unknown>[] = [
    { class_name: 'InputLayer', config: { batch_input_shape: [null, 1], dtype: 'float32', sparse: false, ragged: false, name: 'dense_input' } },
  ];
  for (let k = 0; k < 3; k++) {
    const name = k === 0 ? 'dense' : `dense_${k}`;
    const [nIn, nOut] = [sizes[k], sizes[k + 1]];
    tensors.push({ name: `${name}/kernel`, shape: [nIn, nOut], values: Float32Array.from({ length: nIn * nOut }, () => (r() * 2 - 1) * (k === 0 ? 1e-3 : 0.7)) });
    tensors.push({ name: `${name}/bias`, shape: [nOut], values: Float32Array.from({ length: nOut }, () => (r() * 2 - 1) * 0.3) });
    layers.push({ class_name: 'Dense', config: { name, trainable: true, dtype: 'float32', units: nOut, activation: acts[k], use_bias: true } });
    if (k === 0) layers.push({ class_name: 'Dropout', config: { name: 'dropout', trainable: true, dtype: 'float32', rate: 0.1 } });
  }
  const { specs, data } = encode(tensors, null);
  const half = Math.floor(data.byteLength / 2 / 4) * 4;
  const modelJson = {
    format: 'layers-model',
    generatedBy: 'keras v2.15.0',
    convertedBy: 'TensorFlow.js Converter v4.22.0',
    modelTopology: { keras_version: '2.15.0', backend: 'tensorflow', model_config: { class_name: 'Sequential', config: { name: 'sequential', layers } } },
    weightsManifest: [{ paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'], weights: specs }],
  };
  mkdirSync(path.join(here, dir), { recursive: true });
  writeFileSync(path.join(here, dir, 'model.json'), JSON.stringify(modelJson));
  writeFileSync(path.join(here, dir, 'group1-shard1of2.bin'), data.subarray(0, half));
  writeFileSync(path.join(here, dir, 'group1-shard2of2.bin'), data.subarray(half));
}

writeGraph('converter-fused', 1, null);
writeGraph('converter-uint8', 1, 'uint8');
writeGraph('converter-uint16', 1, 'uint16');
writeGraph('converter-float16', 1, 'float16');
writeGraph('converter-unfused', 2, null, true);
writeKerasLayers('keras-layers', 3);
process.stdout.write('fixtures written to ' + here + '\n');

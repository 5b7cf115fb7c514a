// Compiles a TF.js graph model that is a dense stack into a DenseNet: walks back from the single
// output to the single Placeholder, accepting only the ops a dense stack is made of (as
// tensorflowjs_converter emits them: _FusedMatMul with base64 fused_ops, separate Selu/Tanh nodes,
// Identity outputs). Any other op stops compilation with its name.
import type { DenseActivation, DenseNet } from '../nn/dense-net';
import { DenseChainBuilder } from './dense-chain';
import { ModelFormatError } from './errors';
import { graphShape, nodeNameOf, type GraphAttr, type GraphNode, type GraphTopology, type ModelJson } from './model-json';
import type { DecodedWeight } from './weights';

/** Graph ops that are activations of a dense layer, by TF op name. */
const ACTIVATION_OPS: Readonly<Record<string, DenseActivation>> = {
  Selu: 'selu',
  Tanh: 'tanh',
  Relu: 'relu',
  Elu: 'elu',
  Sigmoid: 'sigmoid',
  Softplus: 'softplus',
};
const PASS_THROUGH_OPS = new Set(['Identity', 'StopGradient', 'Snapshot']);
const AFFINE_OPS = new Set(['MatMul', '_FusedMatMul', 'BiasAdd', 'Add', 'AddV2', 'Sub', 'Mul', 'RealDiv', 'Neg']);
/** Every op a compilable graph may contain (Const and Placeholder besides the chain). */
export const COMPILABLE_GRAPH_OPS: readonly string[] = ['Placeholder', 'Const', ...PASS_THROUGH_OPS, ...AFFINE_OPS, ...Object.keys(ACTIVATION_OPS)];

function unsupported(node: GraphNode, why: string): ModelFormatError {
  return new ModelFormatError('E_MODEL_UNSUPPORTED_OP', `cannot compile to plain JS: node ${JSON.stringify(node.name)} ${why}`, {
    where: node.name,
    value: node.op,
  });
}

const PLAIN_FUSED_NAMES = new Set(['BiasAdd', 'Add', 'AddV2', 'Relu', 'Relu6', 'Elu', 'Selu', 'Sigmoid', 'Tanh', 'LeakyRelu', 'Prelu', 'Softplus']);

/** base64 ("Qmlhc0FkZA==") or plain ("BiasAdd") -> "BiasAdd": the converter writes proto bytes as base64. */
export function decodeFusedOp(s: string): string {
  if (PLAIN_FUSED_NAMES.has(s)) return s;
  try {
    const text = atob(s);
    if (/^[A-Za-z][A-Za-z0-9_]*$/.test(text)) return text;
  } catch {
    // not base64: report it as written below
  }
  return s;
}

/** Looks up the value of a Const node (following Identity), or null when `name` is not constant. */
function constValue(nodes: Map<string, GraphNode>, weights: Map<string, DecodedWeight>, input: string): DecodedWeight | null {
  let node = nodes.get(nodeNameOf(input));
  const seen = new Set<string>();
  while (node && PASS_THROUGH_OPS.has(node.op) && node.input?.length && !seen.has(node.name)) {
    seen.add(node.name);
    node = nodes.get(nodeNameOf(node.input[0]));
  }
  if (!node || node.op !== 'Const') return null;
  const w = weights.get(node.name);
  if (!w) {
    throw new ModelFormatError('E_MODEL_WEIGHTS', `Const node ${JSON.stringify(node.name)} has no weight in the weights manifest`, { where: node.name });
  }
  return w;
}

function floatValues(node: GraphNode, w: DecodedWeight): Float64Array {
  if (w.dtype !== 'float32' || !(w.values instanceof Float32Array)) {
    throw unsupported(node, `takes the constant ${JSON.stringify(w.name)} of dtype ${w.dtype}; a dense stack computes in float32`);
  }
  return Float64Array.from(w.values);
}

function dataInputs(node: GraphNode): string[] {
  return (node.input ?? []).filter((i) => !i.startsWith('^'));
}

/** Finds the single output node: from the signature when there is one, else the one node nothing consumes. */
export function graphOutputNames(json: ModelJson): string[] {
  const topology = json.modelTopology as unknown as GraphTopology;
  const sigOutputs = json.signature?.outputs;
  if (sigOutputs && Object.keys(sigOutputs).length > 0) return Object.values(sigOutputs).map((o) => nodeNameOf(o.name));
  const consumed = new Set(topology.node.flatMap((n) => (n.input ?? []).map(nodeNameOf)));
  return topology.node.filter((n) => !consumed.has(n.name) && n.op !== 'Const' && n.op !== 'NoOp' && n.op !== 'Placeholder').map((n) => n.name);
}

export function graphInputNames(json: ModelJson): string[] {
  const topology = json.modelTopology as unknown as GraphTopology;
  const sigInputs = json.signature?.inputs;
  if (sigInputs && Object.keys(sigInputs).length > 0) return Object.values(sigInputs).map((o) => nodeNameOf(o.name));
  return topology.node.filter((n) => n.op === 'Placeholder').map((n) => n.name);
}

function boolAttr(attr: GraphAttr | undefined): boolean {
  return attr?.b === true;
}

/** Compiles `json` (a graph model) with decoded `weights` into a DenseNet, or throws ModelFormatError naming the obstacle. */
export function compileGraphModel(json: ModelJson, weights: Map<string, DecodedWeight>, name = 'tfjs-graph'): DenseNet {
  const topology = json.modelTopology as unknown as GraphTopology;
  const nodes = new Map(topology.node.map((n) => [n.name, n]));
  const placeholders = topology.node.filter((n) => n.op === 'Placeholder');
  if (placeholders.length !== 1) {
    throw new ModelFormatError('E_MODEL_UNSUPPORTED_OP', `cannot compile to plain JS: a dense stack has one input, this graph has ${placeholders.length} Placeholders`, {
      where: 'Placeholder',
    });
  }
  const outputs = graphOutputNames(json);
  if (outputs.length !== 1) {
    throw new ModelFormatError('E_MODEL_UNSUPPORTED_OP', `cannot compile to plain JS: a dense stack has one output, this graph has ${outputs.length} (${outputs.slice(0, 4).join(', ')})`, {
      where: 'outputs',
    });
  }
  // Walk back from the output along the one non-constant input of each node.
  const chain: GraphNode[] = [];
  let node = nodes.get(outputs[0]);
  const seen = new Set<string>();
  while (node && node.op !== 'Placeholder') {
    if (seen.has(node.name)) throw unsupported(node, 'is part of a cycle');
    seen.add(node.name);
    if (!PASS_THROUGH_OPS.has(node.op) && !AFFINE_OPS.has(node.op) && !(node.op in ACTIVATION_OPS)) {
      throw unsupported(node, `uses op ${node.op}, which is not part of a dense stack (supported: ${COMPILABLE_GRAPH_OPS.join(', ')})`);
    }
    const variable = dataInputs(node).filter((i) => constValue(nodes, weights, i) === null);
    if (variable.length !== 1) throw unsupported(node, `(op ${node.op}) has ${variable.length} non-constant inputs; a dense stack has exactly one`);
    chain.unshift(node);
    node = nodes.get(nodeNameOf(variable[0]));
  }
  if (!node) throw new ModelFormatError('E_MODEL_FORMAT', `graph output ${JSON.stringify(outputs[0])} does not lead back to the Placeholder`, { where: outputs[0] });

  const placeholderWidth = graphShape(node.attr?.shape?.shape)?.at(-1) ?? null;
  const firstMatMul = chain.find((n) => n.op === 'MatMul' || n.op === '_FusedMatMul');
  if (!firstMatMul) throw new ModelFormatError('E_MODEL_UNSUPPORTED_OP', 'cannot compile to plain JS: the graph has no MatMul', { where: 'MatMul' });
  const firstKernel = constValue(nodes, weights, dataInputs(firstMatMul)[1]);
  const kernelRows = firstKernel ? firstKernel.shape[boolAttr(firstMatMul.attr?.transpose_b) ? 1 : 0] : null;
  const width = placeholderWidth ?? kernelRows;
  if (width === null || width === undefined) throw unsupported(node, 'has an unknown feature width');
  const builder = new DenseChainBuilder(width, `node ${JSON.stringify(node.name)} (Placeholder)`);

  for (const n of chain) {
    const inputs = dataInputs(n);
    const where = `node ${JSON.stringify(n.name)} (${n.op})`;
    if (PASS_THROUGH_OPS.has(n.op)) continue;
    if (n.op in ACTIVATION_OPS) {
      builder.activate(ACTIVATION_OPS[n.op], where);
      continue;
    }
    if (n.op === 'MatMul' || n.op === '_FusedMatMul') {
      if (boolAttr(n.attr?.transpose_a)) throw unsupported(n, 'multiplies with transpose_a, which a dense layer never does');
      const kernel = constValue(nodes, weights, inputs[1]);
      if (!kernel) throw unsupported(n, 'multiplies by a non-constant matrix');
      if (kernel.shape.length !== 2) {
        throw new ModelFormatError('E_MODEL_SHAPE', `${where}: the weight ${JSON.stringify(kernel.name)} has shape [${kernel.shape.join(', ')}], expected a matrix`, { where: n.name });
      }
      const transposed = boolAttr(n.attr?.transpose_b);
      const [rows, cols] = transposed ? [kernel.shape[1], kernel.shape[0]] : [kernel.shape[0], kernel.shape[1]];
      builder.matmul(where, floatValues(n, kernel), rows, cols, transposed);
      if (n.op === '_FusedMatMul') applyFused(n, inputs, builder, (i) => constValue(nodes, weights, i), where);
      continue;
    }
    if (n.op === 'Neg') {
      builder.scale(where, [-1]);
      continue;
    }
    const [a, b] = inputs;
    const ca = constValue(nodes, weights, a);
    const cb = constValue(nodes, weights, b);
    const c = (ca ?? cb) as DecodedWeight;
    const values = floatValues(n, c);
    if (c.shape.length > 2 || (c.shape.length === 2 && c.shape[0] !== 1)) {
      throw new ModelFormatError('E_MODEL_SHAPE', `${where}: the constant ${JSON.stringify(c.name)} has shape [${c.shape.join(', ')}], expected a scalar or one row`, { where: n.name });
    }
    switch (n.op) {
      case 'BiasAdd':
      case 'Add':
      case 'AddV2':
        builder.add(where, values);
        break;
      case 'Sub':
        if (ca) builder.scale(where, [-1]); // c - x = -x + c
        builder.add(where, values, ca ? 1 : -1);
        break;
      case 'Mul':
        builder.scale(where, values);
        break;
      case 'RealDiv':
        if (ca) throw unsupported(n, 'divides a constant by the input, which is not affine');
        builder.scale(where, values.map((v) => 1 / v));
        break;
    }
  }
  return builder.finish(name);
}

/** The fused ops of a _FusedMatMul: BiasAdd (its argument is input 2), then an optional activation. */
function applyFused(n: GraphNode, inputs: string[], builder: DenseChainBuilder, constOf: (i: string) => DecodedWeight | null, where: string): void {
  const fused = (n.attr?.fused_ops?.list?.s ?? []).map(decodeFusedOp);
  const numArgs = Number(n.attr?.num_args?.i ?? (fused.length > 0 ? 1 : 0));
  let argIndex = 2;
  for (const op of fused) {
    if (op === 'BiasAdd' || op === 'Add' || op === 'AddV2') {
      const bias = constOf(inputs[argIndex++] ?? '');
      if (!bias) throw unsupported(n, `fuses ${op} with a missing or non-constant argument (num_args ${numArgs})`);
      builder.add(where, floatValues(n, bias));
    } else if (op in ACTIVATION_OPS) {
      builder.activate(ACTIVATION_OPS[op]);
    } else {
      throw unsupported(n, `fuses op ${op}, which has no plain-JS equivalent here`);
    }
  }
}

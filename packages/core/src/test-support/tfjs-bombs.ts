// Small TF.js models that used to cost gigabytes in the dense-chain compiler (issue 14, point 4),
// shared by the in-process tests and the peak-memory child processes.
type Json = Record<string, unknown>;
const constNode = (name: string, dims: number[]): Json => ({
  name,
  op: 'Const',
  attr: { value: { tensor: { dtype: 'DT_FLOAT', tensorShape: { dim: dims.map((size) => ({ size: String(size) })) } } }, dtype: { type: 'DT_FLOAT' } },
});

/** A graph model: Placeholder [-1, width], `ops` alternating scalar Add/Mul (optionally a Relu), MatMul by [width, 1]. */
export function bombGraph(width: number, ops: number, opts: { reluBeforeMatMul?: boolean } = {}) {
  const nodes: Json[] = [{ name: 'x', op: 'Placeholder', attr: { dtype: { type: 'DT_FLOAT' }, shape: { shape: { dim: [{ size: '-1' }, { size: String(width) }] } } } }];
  const weights: { name: string; shape: number[]; dtype: string }[] = [];
  const values: number[] = [];
  let previous = 'x';
  for (let i = 0; i < ops; i++) {
    const constant = `c${i}`;
    nodes.push(constNode(constant, []));
    weights.push({ name: constant, shape: [], dtype: 'float32' });
    values.push(i % 2 === 0 ? 0.5 : 1.001);
    nodes.push({ name: `op${i}`, op: i % 2 === 0 ? 'AddV2' : 'Mul', input: [previous, constant] });
    previous = `op${i}`;
  }
  if (opts.reluBeforeMatMul) {
    nodes.push({ name: 'relu', op: 'Relu', input: [previous] });
    previous = 'relu';
  }
  nodes.push(constNode('kernel', [width, 1]));
  weights.push({ name: 'kernel', shape: [width, 1], dtype: 'float32' });
  for (let j = 0; j < width; j++) values.push(((j % 7) - 3) / 100);
  nodes.push({ name: 'out', op: 'MatMul', input: [previous, 'kernel'], attr: { transpose_a: { b: false }, transpose_b: { b: false } } });
  const modelJson = { format: 'graph-model', modelTopology: { node: nodes, versions: { producer: 1 } }, weightsManifest: [{ paths: ['w.bin'], weights }] };
  return { modelJson: JSON.stringify(modelJson), weightData: new Float32Array(values).buffer, scalars: values.slice(0, ops), kernel: values.slice(ops) };
}



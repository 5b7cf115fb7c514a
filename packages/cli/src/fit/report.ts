// The readable output of `tensile fit` (without --json): parameters ± standard errors with their
// confidence intervals, the goodness-of-fit line, the `auto` table and any warnings.
import type { FitResult } from '@tensile/core';

const num = (v: number | null | undefined, digits = 6): string =>
  v === null || v === undefined ? '-' : !Number.isFinite(v) ? String(v) : Math.abs(v) !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e7) ? v.toExponential(digits - 1) : String(Number(v.toPrecision(digits)));

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, j) => rows.reduce((widest, r) => Math.max(widest, r[j].length), 0));
  return rows.map((r) => r.map((c, j) => c.padEnd(widths[j])).join('  ').trimEnd()).join('\n');
}

export function formatFitReport(r: FitResult, ms: number, samples: number): string {
  const out: string[] = [];
  out.push(`model      ${r.model}: y = ${r.formula}`);
  out.push(`samples    ${samples}   iterations ${r.iterations}   stop ${r.stopReason}   starts ${r.starts}   ${ms.toFixed(2)} ms`);
  out.push('');
  const pct = `${Math.round(r.confidence * 100)}% interval`;
  const rows = [['param', 'value', '± s.e.', pct]];
  for (const k of r.paramNames) {
    const ci = r.intervals[k];
    rows.push([k, num(r.params[k], 7), num(r.stderr[k], 3), ci ? `[${num(ci[0], 5)}, ${num(ci[1], 5)}]` : '-']);
  }
  out.push(pad(rows));
  out.push('');
  out.push(`SSE ${num(r.sse, 7)}   RMSE ${num(r.rmse, 4)} px   R² ${num(r.r2, 6)}   AICc ${num(r.aicc, 6)}   max |residual| ${num(r.maxAbsResidual, 4)} px   monotone ${r.monotone ? 'yes' : 'no'}`);
  if (r.selection) {
    out.push('');
    out.push('auto: candidates by AICc');
    const t = [['model', 'SSE', 'RMSE', 'AICc', 'ΔAICc', 'weight', 'monotone']];
    for (const s of r.selection) {
      t.push(s.error ? [s.model, '-', '-', '-', '-', '-', `not fitted: ${s.error}`] : [s.model, num(s.sse), num(s.rmse, 4), num(s.aicc), s.deltaAicc.toFixed(2), num(s.weight, 3), s.monotone ? 'yes' : 'no']);
    }
    out.push(pad(t));
  }
  for (const w of r.warnings) out.push(`warning: ${w}`);
  return out.join('\n') + '\n';
}

/** The --json object of issue 4 (plus the candidate table for --model auto). */
export function fitJson(r: FitResult, ms: number): Record<string, unknown> {
  return {
    model: r.model,
    params: r.params,
    stderr: r.stderr,
    sse: r.sse,
    rmse: r.rmse,
    r2: r.r2,
    aicc: Number.isFinite(r.aicc) ? r.aicc : null,
    maxAbsResidual: r.maxAbsResidual,
    monotone: r.monotone,
    iterations: r.iterations,
    stopReason: r.stopReason,
    // What the table prints as "warning:" lines (non-identifiable parameters, poor fits, ...).
    warnings: [...r.warnings],
    ms,
    // Models of several predictors have no damping(x) form: null rather than a failed export.
    code: r.curve.model.toJSExpression || r.curve.model.toJSParts ? r.curve.toJS() : null,
    ...(r.selection
      ? { selection: r.selection.map(({ curve: _curve, aicc, deltaAicc, ...row }) => ({ ...row, aicc: Number.isFinite(aicc) ? aicc : null, deltaAicc: Number.isFinite(deltaAicc) ? deltaAicc : null })) }
      : {}),
  };
}

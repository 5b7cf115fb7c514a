// Progress of a long training run as plain lines on stderr, for when the progress bar cannot
// draw (--json keeps stdout to one JSON object): a 10M-epoch run must not sit silent for hours.
import { TRAIN_DEFAULTS } from '@tensile/core';

/** Runs longer than this many epochs report progress under --json (the default run stays quiet). */
export const PROGRESS_LINES_FROM_EPOCHS = 10 * TRAIN_DEFAULTS.epochs;
/** Lines per run: one every tenth of the epochs. */
const STEPS = 10;

/** An onProgress callback writing "training epoch E/N (P%), MSE L px²" at each tenth, or null for short runs. */
export function progressLines(epochs: number, writeErr: (text: string) => void): ((epoch: number, loss: number) => void) | null {
  if (epochs < PROGRESS_LINES_FROM_EPOCHS) return null;
  const every = Math.ceil(epochs / STEPS);
  return (epoch, loss) => {
    if (epoch % every !== 0) return;
    writeErr(`tensile fit: training epoch ${epoch}/${epochs} (${Math.round((100 * epoch) / epochs)}%), MSE ${Number(loss.toPrecision(4))} px²\n`);
  };
}

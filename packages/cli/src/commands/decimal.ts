// Decimal numbers as the help promises them ("x=1.5", "-2", "3e-4"): Number() alone would also
// take "0x10", "0b1", "Infinity", " " and "1_000"-free oddities like "0o7", silently.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The finite number `text` spells in decimal, or null. */
export function parseDecimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

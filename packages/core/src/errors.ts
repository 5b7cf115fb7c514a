// The typed errors of @tensile/core. Every public entry point throws a subclass of TensileError
// whose message names the argument, the value and what was expected, and whose `code` is stable
// so callers can branch on it without parsing messages.
import { escapeInvisible, escapeInvisibleInMessage } from './shown-text';

/** What every Tensile error carries besides its message: where it happened and the offending value. */
export interface TensileErrorDetails {
  /** The argument, op, field or row the error is about (e.g. "params.b", "pow", "row 3"). */
  readonly where?: string;
  /** The offending value, if it can be shown. */
  readonly value?: unknown;
  /** Anything else worth keeping for programmatic use. */
  readonly [key: string]: unknown;
}

/**
 * The base class of every error Tensile throws on purpose (DiffError, FitError, ElasticError, TrainError...).
 * Branch on `code` (stable, e.g. "E_NON_FINITE"), not on the message; `details.where` names the argument.
 */
export class TensileError extends Error {
  /** A stable machine-readable code, e.g. "E_NON_FINITE". */
  readonly code: string;
  /** Where the error is about and the offending value, for programmatic use. */
  readonly details: TensileErrorDetails;

  constructor(code: string, message: string, details: TensileErrorDetails = {}, options?: { cause?: unknown }) {
    // Messages quote user input (names, cells, paths): what cannot be seen is written as \u{...}.
    super(escapeInvisibleInMessage(message), options);
    // The subclasses spell their name out as a field (a minifier renames classes); this is for
    // TensileError itself and for an app's own subclasses.
    this.name = new.target === TensileError ? 'TensileError' : new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** Shows a value in an error message without dumping huge arrays or throwing on odd inputs. */
export function describeValue(value: unknown): string {
  try {
    if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
    if (typeof value === 'string') return escapeInvisible(JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value));
    if (typeof value === 'bigint' || typeof value === 'boolean' || value == null) return String(value);
    if (typeof value === 'function') return 'a function';
    if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as unknown as ArrayLike<number>).length})`;
    if (Array.isArray(value)) return `an array of length ${value.length}`;
    return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
  } catch {
    return 'an unprintable value';
  }
}

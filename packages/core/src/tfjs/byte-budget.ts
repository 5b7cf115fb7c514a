// One size cap over everything a model load reads (model.json and all shards together), so
// `maxBytes` bounds memory rather than each file. Streams are read chunk by chunk and cancelled as
// soon as they would pass the cap: a chunked body without Content-Length is never buffered whole.
import { ModelFormatError } from './errors';

export class ByteBudget {
  private used = 0;
  constructor(readonly cap: number) {}

  get remaining(): number {
    return this.cap - this.used;
  }

  /** Counts `bytes` read for `what`; throws E_MODEL_TOO_LARGE when the total passes the cap. */
  take(what: string, bytes: number): void {
    if (bytes > this.remaining) throw this.overflow(what, bytes);
    this.used += bytes;
  }

  /** The error for `what` (at least `bytes` long) not fitting in what is left of the cap. */
  overflow(what: string, bytes: number, atLeast = false): ModelFormatError {
    const size = `${atLeast ? 'at least ' : ''}${bytes} bytes`;
    const message =
      this.used === 0
        ? `${what} is ${size}, over the size cap of ${this.cap} bytes (raise maxBytes to accept it)`
        : `${what} is ${size}, and with the ${this.used} bytes read before it the model is over the size cap of ${this.cap} bytes (maxBytes counts model.json and all shards together; raise it to accept the model)`;
    return new ModelFormatError('E_MODEL_TOO_LARGE', message, { where: what, value: bytes, cap: this.cap });
  }
}

/** The reader half of a WHATWG ReadableStream (fetch's Response.body). */
export interface ByteStream {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(reason?: unknown): Promise<void>; releaseLock?(): void };
}

/** Reads `stream` into one ArrayBuffer, counting each chunk against `budget` and cancelling the stream at the cap. */
export async function readStreamWithin(stream: ByteStream, budget: ByteBudget, what: string): Promise<ArrayBuffer> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value) continue;
    total += value.byteLength;
    if (total > budget.remaining) {
      await reader.cancel('over the size cap').catch(() => undefined);
      throw budget.overflow(what, total, true);
    }
    chunks.push(value);
  }
  budget.take(what, total);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out.buffer;
}

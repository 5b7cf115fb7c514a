// A minimal WebDriver BiDi client over `ws`: commands with ids and a bounded wait for each answer,
// and event listeners. Firefox speaks BiDi natively, so no geckodriver is needed (it cannot be
// installed on machines that only reach npm and Debian's packages).
import WebSocket from 'ws';
import { within } from './driver';

/** The longest any single BiDi command may take before the run fails instead of hanging. */
export const COMMAND_MS = 30_000;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  method: string;
}

export type BidiEvent = { method: string; params: Record<string, unknown> };

export class BidiConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: BidiEvent) => void>();
  private closedReason: string | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('close', () => this.fail('the WebDriver BiDi connection closed'));
    socket.on('error', (error) => this.fail(`WebDriver BiDi socket error: ${error.message}`));
  }

  static async connect(url: string, ms: number): Promise<BidiConnection> {
    const socket = new WebSocket(url);
    const opened = new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    try {
      await within(opened, ms, `connecting to WebDriver BiDi at ${url}`);
    } catch (error) {
      socket.terminate();
      throw error;
    }
    return new BidiConnection(socket);
  }

  send<Result = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}, ms = COMMAND_MS): Promise<Result> {
    if (this.closedReason) return Promise.reject(new Error(`${method}: ${this.closedReason}`));
    const id = this.nextId++;
    const answer = new Promise<Result>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, method });
    });
    this.socket.send(JSON.stringify({ id, method, params }));
    return within(answer, ms, `WebDriver BiDi ${method}`).finally(() => this.pending.delete(id));
  }

  on(listener: (event: BidiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.fail('the WebDriver BiDi connection was closed by the harness');
    this.socket.terminate();
  }

  private receive(text: string): void {
    const message = JSON.parse(text) as { id?: number; type?: string; result?: unknown; error?: string; message?: string; method?: string; params?: Record<string, unknown> };
    if (message.type === 'event' && message.method) {
      for (const listener of this.listeners) listener({ method: message.method, params: message.params ?? {} });
      return;
    }
    const pending = message.id === undefined ? undefined : this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'error') pending.reject(new Error(`WebDriver BiDi ${pending.method}: ${message.error}: ${message.message}`));
    else pending.resolve(message.result);
  }

  private fail(reason: string): void {
    if (this.closedReason) return;
    this.closedReason = reason;
    for (const pending of this.pending.values()) pending.reject(new Error(`${pending.method}: ${reason}`));
    this.pending.clear();
  }
}

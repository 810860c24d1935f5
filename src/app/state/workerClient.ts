import { proxy, wrap, type Remote } from 'comlink';
import type { AnalysisSession, Failure } from '../../session/analysisSession';

/**
 * The page's view of the session: every method of `AnalysisSession`, answered asynchronously, with a failure
 * in place of an answer when the worker dies on the way. Derived from the session's type, so a method the
 * session lacks is a compile error here and in every caller.
 */
export type SessionClient = {
  [K in keyof AnalysisSession]: (
    ...args: Parameters<AnalysisSession[K]>
  ) => Promise<Awaited<ReturnType<AnalysisSession[K]>> | Failure>;
};

/** A client from one way of calling a method by name (the worker's, or the tests' in-process session). */
export function clientOf(call: (name: string, args: unknown[]) => Promise<unknown>): SessionClient {
  return new Proxy({} as SessionClient, {
    // `then` stays undefined, so a client is never mistaken for a promise
    get: (_, name) =>
      typeof name === 'string' && name !== 'then' ? (...args: unknown[]) => call(name, args) : undefined,
  });
}

/**
 * The analysis worker and its client. `cancel()` terminates the worker and starts a fresh one, so a cancelled
 * job leaves no half state behind; the caller then loads again.
 */
export class WorkerClient {
  private worker!: Worker;
  private api!: Remote<AnalysisSession>;
  /** settles (as a failure) when the worker dies, so no call waits forever */
  private crashed!: Promise<Failure>;
  readonly session: SessionClient = clientOf((name, args) => {
    const method = (this.api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name];
    // a callback among the arguments (progress) is called back across the worker boundary
    return Promise.race([method(...args.map((a) => (typeof a === 'function' ? proxy(a) : a))), this.crashed]);
  });

  constructor() {
    this.spawn();
  }

  private spawn(): void {
    this.worker = new Worker(new URL('../../../workers/analysis.worker.ts', import.meta.url), {
      type: 'module',
      name: 'prefscope-analysis',
    });
    this.api = wrap<AnalysisSession>(this.worker);
    const worker = this.worker;
    this.crashed = new Promise((resolve) => {
      const fail = (message: string) => {
        resolve({ ok: false, message });
        worker.terminate();
        if (this.worker === worker) this.spawn(); // a fresh worker for the retry; the data must be read again
      };
      worker.addEventListener('error', (e) =>
        fail(`the analysis worker stopped (${e.message || 'out of memory?'}); try again, or a smaller file`),
      );
      worker.addEventListener('messageerror', () => fail('the analysis worker sent a message that could not be read'));
    });
  }

  cancel(): void {
    this.worker.terminate();
    this.spawn();
  }
}

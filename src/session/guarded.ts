/** What every session method answers when it cannot: the reason in words. */
export type Failure = { ok: false; message: string };

/** A result of the session: `{ ok: true, … }` with the answer, or a failure with its reason. */
export type Result<T> = ({ ok: true } & T) | Failure;

type Method = (...args: never[]) => unknown;
/** The method's result, or a failure in its place (a promise stays a promise). */
export type Guarded<F extends Method> = (
  ...args: Parameters<F>
) => ReturnType<F> extends Promise<infer R> ? Promise<R | Failure> : ReturnType<F> | Failure;

/** A thrown value as a failure: its message, which the page shows on the panel that asked. */
export function failure(error: unknown): Failure {
  return { ok: false, message: error instanceof Error ? error.message : String(error) };
}

/**
 * The methods with every throw (sync, or a rejected promise) turned into `{ ok: false, message }`, so no
 * question of the page waits forever and no command crashes on a bug in one section.
 */
export function guarded<T extends Record<string, Method>>(methods: T): { [K in keyof T]: Guarded<T[K]> } {
  const out = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(methods)) {
    out[name] = (...args: never[]) => {
      try {
        const result = method(...args);
        return result instanceof Promise ? result.catch(failure) : result;
      } catch (error) {
        return failure(error);
      }
    };
  }
  return out as { [K in keyof T]: Guarded<T[K]> };
}

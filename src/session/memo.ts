/**
 * The session's one cache: a value per name, kept with the inputs that made it and made again when they
 * change. `clear()` forgets everything (new data was read). Inputs are compared as JSON, so pass plain values
 * (resolved settings, ids), never typed arrays.
 */
export function memo() {
  const entries = new Map<string, { key: string; value: unknown }>();
  return {
    get<T>(name: string, inputs: unknown, make: () => T): T {
      const key = JSON.stringify(inputs);
      const hit = entries.get(name);
      if (hit && hit.key === key) return hit.value as T;
      const value = make();
      entries.set(name, { key, value });
      return value;
    },
    clear(): void {
      entries.clear();
    },
  };
}

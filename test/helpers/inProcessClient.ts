import { Blob as NodeBlob } from 'node:buffer';
import type { AnalysisClient } from '../../src/app/state/analysis.svelte';
import { clientOf } from '../../src/app/state/workerClient';
import { createSession } from '../../src/session/analysisSession';

/** A value as postMessage would deliver it: cloned, except what cannot be (callbacks, which comlink proxies). */
function asSent(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

/**
 * The worker replaced by the same session running in-process (there is no Worker in jsdom), behind the page's
 * own client type: arguments and answers are cloned as they would be across the worker boundary.
 */
export function inProcessClient(): AnalysisClient {
  const session = createSession() as unknown as Record<string, (...args: unknown[]) => unknown>;
  return {
    session: clientOf(async (name, args) => asSent(await session[name](...args.map(asSent)))),
    cancel: () => {},
  };
}

/** A dropped file of the page (jsdom's File cannot be streamed, so it is node's Blob with a name). */
export function fakeFile(name: string, text: string): File {
  return Object.assign(new NodeBlob([text]), { name, webkitRelativePath: '', lastModified: 0 }) as unknown as File;
}

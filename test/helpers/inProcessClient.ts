import { vi } from 'vitest';
import type { WorkerClient } from '../../src/lib/workerClient';
import { createSession } from '../../src/session/analysisSession';
import { textFile } from './loadText';

// The worker is replaced by the same session running in-process (there is no Worker in jsdom).
export function inProcessClient(): WorkerClient {
  const session = createSession();
  return {
    // options are cloned as postMessage clones them (a Svelte state proxy would not cross the worker boundary)
    load: async (files: File[], options: object) => session.load(files.map((f) => textFile(f.name, (f as unknown as { text: string }).text)), structuredClone(options)),
    agreement: async (settings: object, onProgress?: (d: number, t: number) => void) => session.agreement(settings, onProgress),
    annotators: async (settings: object) => session.annotators(settings),
    rubric: async (settings: object) => session.rubric(settings),
    nextLabel: async (settings: object, inputs: Parameters<typeof session.nextLabel>[1]) => session.nextLabel(settings, inputs),
    aggregation: async (settings: object) => session.aggregation(settings),
    exportFile: async (kind: 'labels-csv', settings: object, options: object) => session.exportFile(kind, settings, options),
    disagreements: async (a: string, b: string) => session.disagreements(a, b),
    judges: async (settings: object) => session.judges(settings),
    report: async (settings: object, inputs: Parameters<typeof session.report>[1], labelInputs?: Parameters<typeof session.report>[2]) => session.report(settings, inputs, labelInputs),
    routing: async (judge: string, inputs: object, settings: object) => session.routing(judge, inputs, settings),
    pairs: async (ids: string[]) => session.pairsById(ids),
    costPlan: async (inputs: Parameters<typeof session.costPlan>[0]) => session.costPlan(inputs),
    subsample: async (settings: object, inputs: Parameters<typeof session.subsample>[1]) => session.subsample(settings, inputs),
    nextBatch: async (settings: object, inputs: Parameters<typeof session.nextBatch>[1]) => session.nextBatch(settings, inputs),
    goldPlan: async (options: Parameters<typeof session.goldPlan>[0]) => session.goldPlan(options),
    cancel: vi.fn(),
  } as unknown as WorkerClient;
}

export function fakeFile(name: string, text: string): File {
  return { name, size: text.length, text } as unknown as File;
}


import { proxy, wrap, type Remote } from 'comlink';
import type { AnalysisApi } from '../../workers/analysis.worker';
import type { LoadProgress } from '../parse/loadFiles';
import type { AgreementSettings, ExportKind, RoutingInputs, SessionLoadOptions } from '../session/analysisSession';
import type { MethodSetting } from '../report/aggregationSection';

/**
 * The page's handle on the analysis worker. `cancel()` terminates the worker and starts a fresh one, so
 * a cancelled job leaves no half state behind; the caller then loads again.
 */
export class WorkerClient {
  private worker!: Worker;
  api!: Remote<AnalysisApi>;
  /** settles (as a failure) when the worker dies, so no call waits forever */
  private crashed!: Promise<{ ok: false; message: string }>;

  constructor() {
    this.spawn();
  }

  private spawn(): void {
    this.worker = new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module', name: 'prefscope-analysis' });
    this.api = wrap<AnalysisApi>(this.worker);
    const worker = this.worker;
    this.crashed = new Promise((resolve) => {
      const fail = (message: string) => {
        resolve({ ok: false, message });
        worker.terminate();
        if (this.worker === worker) this.spawn(); // a fresh worker for the retry; the data must be read again
      };
      worker.addEventListener('error', (e) => fail(`the analysis worker stopped (${e.message || 'out of memory?'}); try again, or a smaller file`));
      worker.addEventListener('messageerror', () => fail('the analysis worker sent a message that could not be read'));
    });
  }

  /** A call that comes back as data even when the worker dies on the way. */
  private guard<P extends Promise<unknown>>(call: P): Promise<Awaited<P> | { ok: false; message: string }> {
    return Promise.race([call as Promise<Awaited<P>>, this.crashed]);
  }

  load(files: File[], options: SessionLoadOptions, onProgress: (p: LoadProgress) => void) {
    // a file from a dropped folder keeps its path, so two `result.json` of two folders stay apart
    return this.guard(this.api.load(files.map((f) => ({ name: f.webkitRelativePath || f.name, blob: f })), options, proxy(onProgress)));
  }

  agreement(settings: AgreementSettings, onProgress?: (done: number, total: number) => void) {
    return this.guard(this.api.agreement(settings, onProgress ? proxy(onProgress) : undefined));
  }

  rubric(settings: AgreementSettings) {
    return this.guard(this.api.rubric(settings));
  }

  nextLabel(settings: AgreementSettings, inputs: Parameters<AnalysisApi['nextLabel']>[1]) {
    return this.guard(this.api.nextLabel(settings, inputs));
  }

  annotators(settings: AgreementSettings) {
    return this.guard(this.api.annotators(settings));
  }

  aggregation(settings: AgreementSettings) {
    return this.guard(this.api.aggregation(settings));
  }

  exportFile(kind: ExportKind, settings: AgreementSettings, options: { method?: MethodSetting; minConfidence?: number }) {
    return this.guard(this.api.exportFile(kind, settings, options));
  }

  report(settings: AgreementSettings, inputs: Parameters<AnalysisApi['report']>[1], labelInputs?: Parameters<AnalysisApi['report']>[2]) {
    return this.guard(this.api.report(settings, inputs, labelInputs));
  }

  judges(settings: AgreementSettings) {
    return this.guard(this.api.judges(settings));
  }

  routing(judge: string, inputs: RoutingInputs, settings: AgreementSettings) {
    return this.guard(this.api.routing(judge, inputs, settings));
  }

  costPlan(inputs: Parameters<AnalysisApi['costPlan']>[0]) {
    return this.guard(this.api.costPlan(inputs));
  }

  goldPlan(options: Parameters<AnalysisApi['goldPlan']>[0]) {
    return this.guard(this.api.goldPlan(options));
  }

  subsample(settings: AgreementSettings, inputs: Parameters<AnalysisApi['subsample']>[1]) {
    return this.guard(this.api.subsample(settings, inputs));
  }

  nextBatch(settings: AgreementSettings, inputs: Parameters<AnalysisApi['nextBatch']>[1]) {
    return this.guard(this.api.nextBatch(settings, inputs));
  }

  pairs(items: string[]) {
    return this.guard(this.api.pairsById(items));
  }

  disagreements(a: string, b: string, limit?: number) {
    return this.api.disagreements(a, b, limit);
  }

  cancel(): void {
    this.worker.terminate();
    this.spawn();
  }
}

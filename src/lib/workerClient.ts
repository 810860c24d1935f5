import { proxy, wrap, type Remote } from 'comlink';
import type { AnalysisApi } from '../../workers/analysis.worker';
import type { LoadProgress } from '../parse/loadFiles';
import type { AgreementSettings, ExportKind, SessionLoadOptions } from '../session/analysisSession';
import type { Method } from '../report/aggregationSection';

/**
 * The page's handle on the analysis worker. `cancel()` terminates the worker and starts a fresh one, so
 * a cancelled job leaves no half state behind; the caller then loads again.
 */
export class WorkerClient {
  private worker!: Worker;
  api!: Remote<AnalysisApi>;

  constructor() {
    this.spawn();
  }

  private spawn(): void {
    this.worker = new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module', name: 'prefscope-analysis' });
    this.api = wrap<AnalysisApi>(this.worker);
  }

  load(files: File[], options: SessionLoadOptions, onProgress: (p: LoadProgress) => void) {
    return this.api.load(
      files.map((f) => ({ name: f.name, blob: f })),
      options,
      proxy(onProgress),
    );
  }

  agreement(settings: AgreementSettings, onProgress?: (done: number, total: number) => void) {
    return this.api.agreement(settings, onProgress ? proxy(onProgress) : undefined);
  }

  annotators(settings: AgreementSettings) {
    return this.api.annotators(settings);
  }

  aggregation(settings: AgreementSettings) {
    return this.api.aggregation(settings);
  }

  exportFile(kind: ExportKind, settings: AgreementSettings, options: { method?: Method; minConfidence?: number }) {
    return this.api.exportFile(kind, settings, options);
  }

  disagreements(a: string, b: string, limit?: number) {
    return this.api.disagreements(a, b, limit);
  }

  cancel(): void {
    this.worker.terminate();
    this.spawn();
  }
}

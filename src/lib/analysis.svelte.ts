import type { ColumnMapping } from '../parse/columnRoles';
import type { FileOptions, LoadProgress } from '../parse/loadFiles';
import type { Overview } from '../report/overview';
import type { SessionLoadOptions } from '../session/analysisSession';
import { WorkerClient } from './workerClient';

export type Phase = 'empty' | 'loading' | 'ready' | 'error';
export type PanelId = 'overview' | 'columns';

/**
 * The app's one state object. Big results live in `$state.raw` and are replaced, never mutated. All
 * reading and computing happens in the worker; a newer request wins over an older one.
 */
export class Analysis {
  phase = $state<Phase>('empty');
  progress = $state.raw<LoadProgress | null>(null);
  startedAt = $state(0);
  overview = $state.raw<Overview | null>(null);
  error = $state<string | null>(null);
  files = $state.raw<File[]>([]);
  options = $state.raw<SessionLoadOptions>({});
  panel = $state<PanelId>('overview');

  private client: WorkerClient | null = null;
  private request = 0;

  constructor(private readonly makeClient: () => WorkerClient = () => new WorkerClient()) {}

  private get worker(): WorkerClient {
    return (this.client ??= this.makeClient());
  }

  /** Reads files with the given options (the column mapping and label reading, when stated). */
  async open(files: File[], options: SessionLoadOptions = {}): Promise<void> {
    if (files.length === 0) return;
    const request = ++this.request;
    this.files = files;
    this.options = options;
    this.phase = 'loading';
    this.error = null;
    this.progress = { bytesRead: 0, totalBytes: files.reduce((s, f) => s + f.size, 0), rows: 0 };
    this.startedAt = performance.now();
    const result = await this.worker.load(files, options, (p) => {
      if (request === this.request) this.progress = p;
    });
    if (request !== this.request) return;
    if (result.ok) {
      this.overview = result.overview;
      this.phase = 'ready';
    } else {
      this.error = result.message;
      this.phase = 'error';
    }
  }

  /** Fetches the bundled demo file (same origin, next to the page) and opens it. */
  async openDemo(): Promise<void> {
    const url = new URL('samples/demo.csv.gz', document.baseURI);
    const response = await fetch(url);
    if (!response.ok) {
      this.error = `the demo file could not be loaded (${response.status})`;
      this.phase = 'error';
      return;
    }
    await this.open([new File([await response.blob()], 'demo.csv.gz')]);
  }

  /** Stops the running job: the worker is replaced, and the previous result (if any) stays shown. */
  cancel(): void {
    this.request++;
    this.client?.cancel();
    this.progress = null;
    this.phase = this.overview ? 'ready' : 'empty';
  }

  retry(): Promise<void> {
    return this.open(this.files, this.options);
  }

  /** Re-reads the files with a changed mapping for file `index`. */
  remap(index: number, file: FileOptions): Promise<void> {
    const files = this.files.map((_, i) => this.options.files?.[i] ?? {});
    files[index] = file;
    return this.open(this.files, { ...this.options, files });
  }

  setLabels(labels: Pick<SessionLoadOptions, 'scale' | 'labelMap'>): Promise<void> {
    return this.open(this.files, { ...this.options, ...labels });
  }

  mappingOf(index: number): ColumnMapping | null {
    return this.overview?.fileInfos[index]?.mapping ?? null;
  }

  reset(): void {
    this.request++;
    this.overview = null;
    this.files = [];
    this.options = {};
    this.error = null;
    this.phase = 'empty';
  }
}

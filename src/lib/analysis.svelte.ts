import type { ColumnMapping } from '../parse/columnRoles';
import type { FileInfo, FileOptions, LoadProgress } from '../parse/loadFiles';
import type { Overview, PairPreview } from '../report/overview';
import type { AgreementResult, AgreementSettings, AggregationResult, CostPlan, ExportKind, JudgesView, RoutingInputs, RoutingView, SessionLoadOptions } from '../session/analysisSession';
import type { GoldPlan } from '../report/goldPlan';
import type { SubsampleCurve } from '../report/subsampleCurve';
import type { NextBatch } from '../report/nextBatch';
import type { RubricSection } from '../report/rubricSection';
import type { NextLabelSection } from '../report/nextLabelSection';
import { DEFAULT_PLAN, type PlanInputs } from './planInputs';
import type { AnnotatorRow } from '../report/annotatorsSection';
import { WorkerClient } from './workerClient';
import { saveFile } from './saveFile';
import { NO_PICKS, decodeViewState, encodeViewState, type ViewPicks } from './viewState';

/** `question`: the files are read but a label reading is ambiguous; the page asks before computing anything */
export type Phase = 'empty' | 'loading' | 'ready' | 'error' | 'question';
export type PanelId = 'overview' | 'agreement' | 'annotators' | 'labels' | 'judges' | 'planning' | 'columns';

/** The simulator's inputs in the page: the judge simulated, prices, spot-check share, target and reference. */
export type AnalysisRoutingInputs = { judge: string | null } & Required<RoutingInputs>;

/** The settings that change a number (`docs/report-schema.md`, `settings`), with their defaults. */
export const DEFAULT_SETTINGS: Required<AgreementSettings> = {
  removed: [],
  bootstrap: 1000,
  seed: 1,
  bandMetric: 'fleiss_kappa',
  minShared: 10,
  weights: { gold: 0.4, majority: 0.3, speed: 0.3 },
  method: 'auto',
  rubricWeights: null,
};

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
  /** why the last re-read with other columns, format or labels failed (the previous result stays shown) */
  rereadError = $state<string | null>(null);
  /** what each file looked like when a read failed: the page's mapping screen shows it (null when not known) */
  failedFiles = $state.raw<FileInfo[] | null>(null);
  files = $state.raw<File[]>([]);
  options = $state.raw<SessionLoadOptions>({});
  panel = $state<PanelId>('overview');
  settings = $state.raw<Required<AgreementSettings>>({ ...DEFAULT_SETTINGS });
  agreement = $state.raw<AgreementResult | null>(null);
  /** the agreement shown still lacks its bootstrap intervals */
  agreementPending = $state(false);
  agreementProgress = $state.raw<{ done: number; total: number } | null>(null);
  agreementError = $state<string | null>(null);
  annotators = $state.raw<AnnotatorRow[] | null>(null);
  /** the AI judges scored by the annotator table's rules (placed among the annotators) */
  judgeRows = $state.raw<AnnotatorRow[]>([]);
  aggregation = $state.raw<AggregationResult | null>(null);
  rubric = $state.raw<RubricSection | null>(null);
  rubricError = $state<string | null>(null);
  aggregationError = $state<string | null>(null);
  judges = $state.raw<JudgesView | null>(null);
  judgesError = $state<string | null>(null);
  /** the hybrid-routing simulator: its inputs (view state kept here so a re-render keeps them) and curve */
  routingInputs = $state.raw<AnalysisRoutingInputs>({ judge: null, ...DEFAULT_PLAN.routing });
  /** what the user picked on the panels (slice column, annotator filter, simulated judge): in the link too */
  picks = $state.raw<ViewPicks>({ ...NO_PICKS });
  /** every planner's inputs (view state that a link reproduces) */
  plan = $state.raw<PlanInputs>(structuredClone(DEFAULT_PLAN));
  costPlan = $state.raw<CostPlan | null>(null);
  /** the planners have not been computed for the current data and settings */
  private planStale = true;
  planError = $state<string | null>(null);
  goldPlan = $state.raw<GoldPlan | null>(null);
  subsample = $state.raw<SubsampleCurve | null>(null);
  subsampleError = $state<string | null>(null);
  subsamplePending = $state(false);
  nextBatch = $state.raw<{ batch: NextBatch; csv: string } | null>(null);
  nextBatchError = $state<string | null>(null);
  nextLabel = $state.raw<{ section: NextLabelSection; csv: string; annotators: string[] } | null>(null);
  nextLabelError = $state<string | null>(null);
  goldPlanError = $state<string | null>(null);
  routing = $state.raw<RoutingView | null>(null);
  routingError = $state<string | null>(null);
  /** view state of the export: the least Dawid-Skene confidence a pair needs to enter the TRL file */
  minConfidence = $state(0);
  exportNote = $state<string | null>(null);
  /** the report download: what it is doing, or what went wrong (null when idle) */
  reportNote = $state<string | null>(null);
  reportBusy = $state(false);

  private client: WorkerClient | null = null;
  /** settings from a shared link apply to the first file opened */
  private fromLink = false;
  /** how a shared link read the labels (conventions, item scope): applied to the first file opened */
  private linkReading: Pick<SessionLoadOptions, 'labelsAre' | 'itemScope'> = {};
  private request = 0;
  private agreementRequest = 0;

  constructor(
    private readonly makeClient: () => WorkerClient = () => new WorkerClient(),
    hash = typeof location === 'undefined' ? '' : location.hash,
  ) {
    if (hash.length > 1) {
      const view = decodeViewState(hash, DEFAULT_SETTINGS);
      this.settings = view.settings;
      this.panel = view.panel;
      this.plan = view.plan;
      this.picks = view.picks;
      this.routingInputs = { judge: view.picks.judge, ...view.plan.routing };
      this.linkReading = view.reading;
      this.fromLink = true;
    }
  }

  /** A summary file (counts only) is open: no rows, texts, removal or final labels. */
  get summaryMode(): boolean {
    return this.overview?.input.format === 'summary';
  }

  /** The fragment of a link that reproduces this view (with the same file). */
  get link(): string {
    const reading = { labelsAre: this.options.labelsAre ?? null, itemScope: this.options.itemScope ?? 'shared' };
    return encodeViewState({ panel: this.panel, settings: this.settings, plan: this.plan, picks: { ...this.picks, judge: this.routingInputs.judge }, reading }, DEFAULT_SETTINGS);
  }

  private get worker(): WorkerClient {
    return (this.client ??= this.makeClient());
  }

  /** Reads files with the given options (the column mapping and label reading, when stated). */
  async open(files: File[], given: SessionLoadOptions = {}): Promise<void> {
    if (files.length === 0) return;
    // a shared link's label reading applies to the first file opened after it
    const options = this.fromLink ? { ...this.linkReading, ...given } : given;
    const request = ++this.request;
    this.rereadError = null;
    this.failedFiles = null;
    this.files = files;
    this.options = options;
    this.phase = 'loading';
    this.error = null;
    this.progress = { bytesRead: 0, totalBytes: files.reduce((s, f) => s + f.size, 0), rows: 0 };
    this.startedAt = performance.now();
    // a call that fails on the way (a message the worker cannot take) comes back as an error, never a stuck page
    const result = await this.worker
      .load(files, options, (p) => {
        if (request === this.request) this.progress = p;
      })
      .catch((error: unknown) => ({ ok: false as const, message: `the files could not be sent to the worker: ${(error as Error)?.message ?? String(error)}` }));
    if (request !== this.request) return;
    if (result.ok) {
      this.overview = result.overview;
      this.agreement = null;
      this.annotators = null;
      this.aggregation = null;
      this.rubric = null;
      this.judges = null;
      this.routing = null;
      if (!this.fromLink) this.settings = { ...this.settings, removed: [], rubricWeights: null };
      this.fromLink = false;
      // an ambiguous label reading is asked about before anything that depends on it is computed
      if (result.overview.labelQuestions.length) {
        this.phase = 'question';
        return;
      }
      this.phase = 'ready';
      void this.recompute();
    } else {
      this.error = result.message;
      this.failedFiles = 'inspections' in result ? (result.inspections ?? null) : null;
      this.phase = 'error';
    }
  }

  /** Reads the labels as the user answered the page's question (a convention per question key) and computes. */
  answerLabels(answers: Record<string, string>): Promise<void> {
    return this.open(this.files, { ...this.options, labelsAre: { ...(this.options.labelsAre ?? {}), ...answers } });
  }

  /** Item ids shared by two files: one pair (`shared`), or two (`file`: ids scoped by file). */
  scopeItems(itemScope: 'shared' | 'file'): Promise<void> {
    return this.reread({ ...this.options, itemScope });
  }

  /** Reads the files again with the options chosen on the mapping screen of a failed read. */
  retryWith(files: FileOptions[]): Promise<void> {
    return this.open(this.files, { ...this.options, files });
  }

  /**
   * Every panel's numbers for the current settings: agreement values first (fast), the annotator table,
   * then the agreement again with bootstrap intervals, with progress. A newer request wins.
   */
  async recompute(): Promise<void> {
    const request = ++this.agreementRequest;
    const settings = this.settings;
    this.agreementError = null;
    this.agreementPending = settings.bootstrap > 0;
    this.agreementProgress = null;
    const quick = await this.worker.agreement({ ...settings, bootstrap: 0 });
    if (request !== this.agreementRequest) return;
    if (!quick.ok) {
      this.agreementError = quick.message;
      this.agreementPending = false;
      return;
    }
    this.agreement = quick;
    const annotators = await this.worker.annotators(settings);
    if (request !== this.agreementRequest) return;
    if (annotators.ok) {
      this.annotators = annotators.annotators;
      this.judgeRows = annotators.judges;
    }
    const aggregation = await this.worker.aggregation(settings);
    if (request !== this.agreementRequest) return;
    if (aggregation.ok) this.aggregation = aggregation;
    this.aggregationError = aggregation.ok ? null : aggregation.message;
    if (settings.bootstrap > 0) {
      const full = await this.worker.agreement(settings, (done, total) => {
        if (request === this.agreementRequest) this.agreementProgress = { done, total };
      });
      if (request !== this.agreementRequest) return;
      this.agreementProgress = null;
      if (full.ok) this.agreement = full;
      else this.agreementError = full.message;
    }
    this.agreementPending = false;
    // the rubric (several dimensions only) after the coefficients: on a large rubric file it takes seconds
    if (this.agreement?.agreement.dimensions.length) await this.updateRubric();
    else [this.rubric, this.rubricError] = [null, null];
    if (request !== this.agreementRequest) return;
    const judges = await this.worker.judges(settings);
    if (request !== this.agreementRequest) return;
    this.judges = judges.ok ? judges : null;
    this.judgesError = judges.ok ? null : judges.message;
    if (judges.ok) await this.updateRouting({});
    // the planners that read the data (subsampling, k-means) can be slow on large files: only for the panel shown
    this.planStale = true;
    if (this.panel === 'planning') await this.refreshPlan();
  }

  /** Recomputes every planner when its data or settings changed since it was last computed. */
  async refreshPlan(): Promise<void> {
    if (!this.planStale && this.costPlan) return;
    this.planStale = false;
    await this.updatePlan({});
  }

  /** Changes planner inputs and recomputes the planners they feed (each a small call to the worker). */
  async updatePlan(change: Partial<PlanInputs>): Promise<void> {
    const plan = { ...this.plan, ...change };
    this.plan = plan;
    const cost = await this.worker.costPlan({ scenarios: plan.scenarios, prices: plan.prices, approaches: plan.approaches, approachTarget: plan.approachTarget });
    if (this.plan !== plan) return;
    this.costPlan = cost.ok ? cost : null;
    this.planError = cost.ok ? null : cost.message;
    if (!this.goldPlan || change.gold !== undefined) {
      const gold = await this.worker.goldPlan(plan.gold);
      if (this.plan !== plan) return;
      this.goldPlan = gold.ok ? gold.plan : null;
      this.goldPlanError = gold.ok ? null : gold.message;
    }
    if (!this.nextBatch || change.next !== undefined || Object.keys(change).length === 0) {
      const next = await this.worker.nextBatch(this.settings, plan.next);
      if (this.plan !== plan) return;
      this.nextBatch = next.ok ? { batch: next.batch, csv: next.csv } : null;
      this.nextBatchError = next.ok ? null : next.message;
    }
    if (!this.nextLabel || change.nextLabel !== undefined || Object.keys(change).length === 0) {
      const value = await this.worker.nextLabel(this.settings, plan.nextLabel);
      if (this.plan !== plan) return;
      this.nextLabel = value.ok ? { section: value.section, csv: value.csv, annotators: value.annotators } : null;
      this.nextLabelError = value.ok ? null : value.message;
    }
    if (!this.subsample || change.subsample !== undefined || Object.keys(change).length === 0) await this.updateSubsample();
  }

  /** Remembers a pick of a panel (kept in the link). */
  pick(change: Partial<ViewPicks>): void {
    this.picks = { ...this.picks, ...change };
  }

  /** Saves the next batch as CSV (built in the worker; nothing leaves the machine). */
  downloadNextBatch(): void {
    if (this.nextBatch) saveFile('next-batch.csv', this.nextBatch.csv, 'text/csv');
  }

  /** Saves the batch ranked by the value of the next label as CSV (built in the worker). */
  downloadNextLabelBatch(): void {
    if (this.nextLabel) saveFile('next-label-batch.csv', this.nextLabel.csv, 'text/csv');
  }

  /** Redraws k labels per pair from this data (seeded, in the worker). */
  private async updateSubsample(): Promise<void> {
    const plan = this.plan;
    this.subsamplePending = true;
    const result = await this.worker.subsample(this.settings, plan.subsample);
    if (this.plan.subsample !== plan.subsample) return;
    this.subsamplePending = false;
    this.subsample = result.ok ? result.curve : null;
    this.subsampleError = result.ok ? null : result.message;
  }

  /** Recomputes the simulator's curve for changed inputs (one small call to the worker: instant). */
  async updateRouting(change: Partial<AnalysisRoutingInputs>): Promise<void> {
    const inputs = { ...this.routingInputs, ...change };
    const judges = this.judges?.routing.judges ?? [];
    if (!inputs.judge || !judges.some((j) => j.id === inputs.judge)) inputs.judge = judges.find((j) => j.table)?.id ?? judges[0]?.id ?? null;
    this.routingInputs = inputs;
    const { judge: _judge, ...routing } = inputs;
    this.plan = { ...this.plan, routing };
    if (!inputs.judge) {
      this.routing = null;
      this.routingError = null;
      return;
    }
    const { judge, ...options } = inputs;
    const result = await this.worker.routing(judge, options, this.settings);
    if (this.routingInputs !== inputs) return; // a newer input won
    this.routing = result.ok ? result : null;
    this.routingError = result.ok ? null : result.message;
  }

  /** The rubric section for the current settings (only it depends on the rubric weights). */
  private async updateRubric(): Promise<void> {
    const settings = this.settings;
    const result = await this.worker.rubric(settings);
    if (this.settings !== settings) return;
    this.rubric = result.ok ? result.rubric : null;
    this.rubricError = result.ok ? null : result.message;
  }

  /** Changes the rubric weights (null: the defaults) and recomputes the rubric section only. */
  updateRubricWeights(weights: Record<string, number> | null): Promise<void> {
    this.settings = { ...this.settings, rubricWeights: weights };
    return this.updateRubric();
  }

  /** Changes settings and recomputes what depends on them. */
  updateSettings(change: Partial<AgreementSettings>): Promise<void> {
    this.settings = { ...this.settings, ...change };
    return this.recompute();
  }

  /** Leaves annotators out of every number (or brings them back). */
  remove(ids: string[]): Promise<void> {
    return this.updateSettings({ removed: [...new Set([...this.settings.removed, ...ids])] });
  }

  restore(ids: string[]): Promise<void> {
    return this.updateSettings({ removed: this.settings.removed.filter((id) => !ids.includes(id)) });
  }

  /** Builds a file in the worker and hands it to the browser as a download (nothing is uploaded). */
  async download(kind: ExportKind): Promise<void> {
    const file = await this.worker.exportFile(kind, this.settings, { method: this.settings.method, minConfidence: this.minConfidence });
    if (!file.ok) {
      this.exportNote = file.message;
      return;
    }
    this.exportNote = `${file.name}${file.note ? `: ${file.note}` : ''}`;
    saveFile(file.name, file.text, file.type);
  }

  /**
   * Saves the audit report of what the page shows (the same `prefscope.report/v1` document the audit command
   * prints, at the simulator's inputs) as one self-contained HTML file with the charts as inline SVG, or as
   * JSON. Built in the worker; the charts are drawn here, one per task, so the page stays responsive.
   */
  async downloadReport(format: 'html' | 'json'): Promise<void> {
    if (this.reportBusy) return;
    this.reportBusy = true;
    this.reportNote = 'Building the report…';
    try {
      const { spot, priceAi, priceHuman, priceExpert, target } = this.routingInputs;
      const built = await this.worker.report(this.settings, { spot, priceAi, priceHuman, priceExpert, target }, this.plan.nextLabel);
      if (!built.ok) {
        this.reportNote = `The report could not be built: ${built.message}`;
        return;
      }
      const { report } = built;
      const stem = `prefscope-report-${(report.input.files[0]?.name ?? 'data').replace(/(\.(gz|csv|tsv|jsonl?|ndjson|parquet|txt))+$/i, '').replace(/[^\w.-]+/g, '-')}`;
      if (format === 'json') {
        saveFile(`${stem}.json`, `${JSON.stringify(report, null, 2)}\n`, 'application/json');
        this.reportNote = `${stem}.json`;
        return;
      }
      const [{ reportCharts }, { chartSvg }, { htmlReport }] = await Promise.all([import('../charts/reportCharts'), import('../report/chartSvgs'), import('../report/htmlReport')]);
      const charts = reportCharts(report);
      const svgs = [];
      for (const [i, chart] of charts.entries()) {
        this.reportNote = `Drawing chart ${i + 1} of ${charts.length}…`;
        await new Promise((resolve) => setTimeout(resolve, 0));
        svgs.push(chartSvg(chart, document));
      }
      saveFile(`${stem}.html`, htmlReport(report, svgs, { generatedAt: new Date() }), 'text/html');
      this.reportNote = `${stem}.html: ${charts.length} charts, no script, opens offline`;
    } catch (error) {
      this.reportNote = `The report could not be built: ${(error as Error).message}`;
    } finally {
      this.reportBusy = false;
    }
  }

  /** Texts and judgements of the pairs with these ids (the lists of the Judges & bias panel). */
  async pairsOf(ids: string[]): Promise<PairPreview[]> {
    const result = await this.worker.pairs(ids);
    return Array.isArray(result) ? result : [];
  }

  disagreements(a: string, b: string) {
    return this.worker.disagreements(a, b);
  }

  /**
   * Opens the file named by `?data=<relative path>` (a data file published next to the site). Only this
   * site's files: another origin is refused with a message (the page's CSP would block it anyway).
   */
  async openFromQuery(search = typeof location === 'undefined' ? '' : location.search): Promise<void> {
    const path = new URLSearchParams(search).get('data');
    if (!path) return;
    let url: URL;
    try {
      url = new URL(path, document.baseURI);
    } catch {
      url = new URL('about:blank');
    }
    if (url.origin !== location.origin) {
      this.error = `?data= must name a file published on this site (${location.origin}); "${path}" is not one`;
      this.phase = 'error';
      return;
    }
    this.phase = 'loading';
    const response = await fetch(url).catch(() => null);
    if (!response?.ok) {
      this.error = `the data file "${path}" could not be loaded${response ? ` (${response.status})` : ''}`;
      this.phase = 'error';
      return;
    }
    await this.open([new File([await response.blob()], decodeURIComponent(url.pathname.split('/').pop() || 'data'))]);
  }

  /** Fetches the bundled demo file (same origin, next to the page) and opens it. */
  async openDemo(name: 'demo' | 'rubric-demo' = 'demo'): Promise<void> {
    const url = new URL(`samples/${name}.csv.gz`, document.baseURI);
    const response = await fetch(url);
    if (!response.ok) {
      this.error = `the demo file could not be loaded (${response.status})`;
      this.phase = 'error';
      return;
    }
    await this.open([new File([await response.blob()], `${name}.csv.gz`)]);
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

  /** Re-reads the files with a changed mapping for file `index` (a zip archive's members count as files). */
  remap(index: number, file: FileOptions): Promise<void> {
    const files = (this.overview?.fileInfos ?? this.files).map((_, i) => this.options.files?.[i] ?? {});
    files[index] = file;
    return this.reread({ ...this.options, files });
  }

  setLabels(labels: Pick<SessionLoadOptions, 'scale' | 'labelMap' | 'labelsAre'>): Promise<void> {
    return this.reread({ ...this.options, ...labels });
  }

  /** Reads the same files again with other options; when that fails, the previous result stays with the reason. */
  private async reread(options: SessionLoadOptions): Promise<void> {
    const previous = { options: this.options, overview: this.overview };
    const wasAsking = this.phase === 'question';
    await this.open(this.files, options);
    if (this.phase === 'error' && previous.overview) {
      this.rereadError = this.error;
      this.error = null;
      this.failedFiles = null;
      this.options = previous.options;
      this.overview = previous.overview;
      this.phase = wasAsking ? 'question' : 'ready';
    }
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
    this.failedFiles = null;
    this.phase = 'empty';
  }
}

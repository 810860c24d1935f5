import { DEFAULT_SETTINGS, DISPLAY_SETTINGS } from '../../defaults';
import type { ColumnMapping } from '../../parse/columnRoles';
import type { FileInfo, FileOptions, LoadProgress } from '../../parse/loadFiles';
import type { GoldPlan } from '../../planning/goldPlan';
import type { NextBatch } from '../../planning/nextBatch';
import type { SubsampleCurve } from '../../planning/subsampleCurve';
import type { AnnotatorRow } from '../../sections/annotatorsSection';
import type { ComparisonSection } from '../../sections/comparisonSection';
import type { RunSplit } from '../../sections/splitRuns';
import type { DriftPeriods, DriftSection } from '../../sections/driftSection';
import type { NextLabelSection } from '../../sections/nextLabelSection';
import { withBand, withRubricBand } from '../../sections/band';
import type { RubricSection } from '../../sections/rubricSection';
import type {
  AgreementResult,
  AggregationResult,
  CostPlan,
  ExportKind,
  JudgesView,
  RoutingInputs,
  RoutingView,
  SessionLoadOptions,
  Settings,
} from '../../session/analysisSession';
import type { Flip } from '../../views/aggregationView';
import type { Overview, PairPreview } from '../../views/overview';
import { reportHtml, reportStem } from '../downloads/reportFile';
import { saveFile } from '../downloads/saveFile';
import { setSharedText, sharedText } from '../downloads/sharing';
import { idReplacer, pseudonyms, PSEUDONYM, replaceStrings, withoutTexts } from '../../report/pseudonymise';
import { count } from '../../format';
import { DEFAULT_PLAN, type PlanInputs } from './planInputs';
import { Runs, Slot } from './slot.svelte';
import { NO_PICKS, decodeViewState, encodeViewState, type ViewPicks, type ViewState } from './viewState';
import { WorkerClient, type SessionClient } from './workerClient';

/** `question`: the files are read but a label reading is ambiguous; the page asks before computing anything */
export type Phase = 'empty' | 'loading' | 'ready' | 'error' | 'question';
import type { PanelId } from '../panels';
export type { PanelId };

/** The simulator's inputs in the page: the judge simulated, prices, spot-check share, target and reference. */
export type AnalysisRoutingInputs = { judge: string | null } & Required<RoutingInputs>;

type Planner = 'cost' | 'gold' | 'nextBatch' | 'nextLabel' | 'subsample';
const PLANNERS: Planner[] = ['cost', 'gold', 'nextBatch', 'nextLabel', 'subsample'];
/** The planner inputs each planner reads (besides the settings and the data). */
const PLANNER_INPUTS: Record<Planner, (keyof PlanInputs)[]> = {
  cost: ['scenarios', 'prices', 'approaches', 'approachTarget'],
  gold: ['gold'],
  nextBatch: ['next'],
  nextLabel: ['nextLabel'],
  subsample: ['subsample'],
};

/** What the page needs of the worker: the session's API, and a way to stop a running job. */
export interface AnalysisClient {
  session: SessionClient;
  cancel(): void;
}

/**
 * The app's one state object. What the worker computes lives in slots (`Slot`: value, error, pending),
 * replaced and never mutated; every read and computation happens in the worker, and a newer request wins.
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
  settings = $state.raw<Settings>({ ...DEFAULT_SETTINGS });
  /** what the user picked on the panels (slice column, annotator filter, simulated judge): in the link too */
  picks = $state.raw<ViewPicks>({ ...NO_PICKS });
  /** every planner's inputs (view state that a link reproduces) */
  plan = $state.raw<PlanInputs>(structuredClone(DEFAULT_PLAN));
  /** the hybrid-routing simulator: its inputs (view state kept here so a re-render keeps them) */
  routingInputs = $state.raw<AnalysisRoutingInputs>({ judge: null, ...DEFAULT_PLAN.routing });
  /** view state of the export: the least Dawid-Skene confidence a pair needs to enter the TRL file */
  minConfidence = $state(0);
  exportNote = $state<string | null>(null);
  /** the report download: what it is doing, or what went wrong (null when idle) */
  reportNote = $state<string | null>(null);
  reportBusy = $state(false);

  /** the agreement section; `pending` while its bootstrap intervals are computed (with `agreementProgress`) */
  readonly agreement = new Slot<AgreementResult>();
  agreementProgress = $state.raw<{ done: number; total: number } | null>(null);
  /** the final-label methods fitted so far and the one being fitted, while the aggregation runs */
  aggregationProgress = $state.raw<{ done: number; total: number; method: string } | null>(null);
  /** the annotator table, and the AI judges scored by its rules (placed among the annotators) */
  readonly annotators = new Slot<{ annotators: AnnotatorRow[]; judges: AnnotatorRow[] }>();
  readonly aggregation = new Slot<AggregationResult>();
  readonly rubric = new Slot<RubricSection | null>();
  readonly judges = new Slot<JudgesView>();
  readonly routing = new Slot<RoutingView>();
  readonly costPlan = new Slot<CostPlan>();
  readonly goldPlan = new Slot<GoldPlan>();
  readonly subsample = new Slot<SubsampleCurve>();
  readonly nextBatch = new Slot<{ batch: NextBatch; csv: string }>();
  readonly nextLabel = new Slot<{ section: NextLabelSection; csv: string; annotators: string[] }>();
  /** run B of a comparison: its files (none: nothing compared), what reading them says, and the comparison */
  compareFiles = $state.raw<File[]>([]);
  /** or one file cut into runs A and B by two values of a column */
  compareSplit = $state.raw<RunSplit | null>(null);
  /**
   * Sharing outside the labelling team: each human annotator id's pseudonym while pseudonymising is on (every
   * download, the report and the shared link use them), null when off; prompts and responses left out of the
   * report. The passphrase itself is held only in memory, never in the link or in storage.
   */
  pseudonyms = $state.raw<ReadonlyMap<string, string> | null>(null);
  leaveOutTexts = $state(false);
  /** pseudonyms named by a shared link's removals that no annotator of the data has: resolved with the passphrase */
  linkPseudonyms = $state.raw<string[]>([]);
  shareNote = $state<string | null>(null);
  private passphrase: string | null = null;
  compareNote = $state<string | null>(null);
  readonly comparison = new Slot<ComparisonSection>();
  private readonly compareLoads = new Runs();
  /** agreement over time: what the data can be read over, the choice (view state), and the section */
  driftBy = $state.raw<DriftPeriods | null>(null);
  readonly drift = new Slot<DriftSection>();
  /** the periods were chosen by the page, not the user (a week that holds everything turns into days) */
  private driftDefault = false;

  private client: AnalysisClient | null = null;
  /** settings from a shared link apply to the first file opened */
  private fromLink = false;
  /** how a shared link read the labels (conventions, item scope): applied to the first file opened */
  private linkReading: Pick<SessionLoadOptions, 'labelsAre' | 'itemScope'> = {};
  private readonly loads = new Runs();
  private readonly computes = new Runs();
  private readonly plans = new Runs();
  /** planners whose inputs changed since their answer was applied */
  private readonly planDue = new Set<Planner>(); // eslint-disable-line svelte/prefer-svelte-reactivity -- not state: which planners are due, read once per run
  /** the planners have not been computed for the current data and settings */
  private planStale = true;

  constructor(
    private readonly makeClient: () => AnalysisClient = () => new WorkerClient(),
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

  /** What agreement over time can be read by: the slice columns (batch, week, …) and the timestamp. */
  get driftChoices(): { columns: string[]; timestamp: boolean } {
    return { columns: this.overview?.slices.map((s) => s.name) ?? [], timestamp: this.overview?.hasTimestamp ?? false };
  }

  /** A summary file (counts only) is open: no rows, texts, removal or final labels. */
  get summaryMode(): boolean {
    return this.overview?.input.format === 'summary';
  }

  /** The fragment of a link that reproduces this view (with the same file). */
  get link(): string {
    return encodeViewState(this.viewState, DEFAULT_SETTINGS);
  }

  /** What a link reproduces of this view. */
  private get viewState(): ViewState {
    const reading = { labelsAre: this.options.labelsAre ?? null, itemScope: this.options.itemScope ?? 'shared' };
    const picks = { ...this.picks, judge: this.routingInputs.judge };
    return { panel: this.panel, settings: this.settings, plan: this.plan, picks, reading };
  }

  /** The address of this view to share: with pseudonymising on, every annotator id in it is its pseudonym. */
  get sharedLink(): string {
    const map = this.pseudonyms;
    const view = this.viewState;
    const fragment = encodeViewState(
      {
        ...view,
        settings: { ...view.settings, removed: view.settings.removed.map((id) => map?.get(id) ?? id) },
        picks: { ...view.picks, filter: sharedText(view.picks.filter) },
      },
      DEFAULT_SETTINGS,
    );
    const here = typeof location === 'undefined' ? '' : `${location.origin}${location.pathname}${location.search}`;
    return `${here}${fragment}`;
  }

  /**
   * Pseudonymises annotators from here on (a passphrase), or stops (null or empty): every table, chart and
   * file downloaded, the report and the shared link then name human annotators by `annotator-` and 12 hex
   * digits of HMAC-SHA-256(passphrase, id). The passphrase stays in memory only.
   */
  async setSharing(passphrase: string | null): Promise<void> {
    this.passphrase = passphrase || null;
    await this.refreshPseudonyms();
  }

  /** The pseudonyms of every human annotator of run A and run B, for the passphrase given (new data: new ids). */
  private async refreshPseudonyms(): Promise<void> {
    const passphrase = this.passphrase;
    if (!passphrase || !this.overview) {
      this.pseudonyms = null;
      setSharedText(null);
      this.shareNote = null;
      return;
    }
    const humans = await this.worker.humanAnnotators();
    if (!humans.ok) {
      this.shareNote = `Annotators could not be pseudonymised: ${humans.message}`;
      return;
    }
    const map = await pseudonyms(humans.ids, passphrase);
    // a newer passphrase (or none) was given meanwhile
    if (this.passphrase !== passphrase) return;
    this.pseudonyms = map;
    setSharedText(idReplacer(map));
    this.shareNote = `Every download names the ${count(map.size)} human annotators by pseudonym.`;
  }

  /**
   * A shared link's removals named by pseudonym: the annotators of the data whose pseudonym under this
   * passphrase they are, removed by their own ids. Pseudonyms the passphrase does not match stay as they are.
   */
  async resolveLinkPseudonyms(passphrase: string): Promise<void> {
    const humans = await this.worker.humanAnnotators();
    if (!humans.ok || passphrase === '') return;
    const map = await pseudonyms(humans.ids, passphrase);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a temporary
    const byPseudonym = new Map([...map].map(([id, p]) => [p, id]));
    const found = this.linkPseudonyms.filter((p) => byPseudonym.has(p));
    if (found.length === 0) {
      this.shareNote = `The passphrase matches none of the link's ${this.linkPseudonyms.length} pseudonyms.`;
      return;
    }
    this.linkPseudonyms = this.linkPseudonyms.filter((p) => !byPseudonym.has(p));
    this.shareNote = `${found.length} annotator${found.length === 1 ? '' : 's'} of the link found and removed.`;
    await this.updateSettings({ removed: this.settings.removed.map((id) => byPseudonym.get(id) ?? id) });
  }

  private get worker(): SessionClient {
    return (this.client ??= this.makeClient()).session;
  }

  /** Reads files with the given options (the column mapping and label reading, when stated). */
  async open(files: File[], given: SessionLoadOptions = {}): Promise<void> {
    if (files.length === 0) return;
    // a shared link's label reading applies to the first file opened after it
    const options = this.fromLink ? { ...this.linkReading, ...given } : given;
    const current = this.loads.next();
    this.rereadError = null;
    this.failedFiles = null;
    this.files = files;
    this.options = options;
    this.phase = 'loading';
    this.error = null;
    this.progress = { bytesRead: 0, totalBytes: files.reduce((s, f) => s + f.size, 0), rows: 0 };
    this.startedAt = performance.now();
    // a file from a dropped folder keeps its path, so two `result.json` of two folders stay apart
    const inputs = files.map((f) => ({ name: f.webkitRelativePath || f.name, blob: f }));
    // a call that fails on the way (a message the worker cannot take) comes back as an error, never a stuck page
    const result = await this.worker
      .load(inputs, options, (p: LoadProgress) => {
        if (current()) this.progress = p;
      })
      .catch((error: unknown) => ({
        ok: false as const,
        message: `the files could not be sent to the worker: ${(error as Error)?.message ?? String(error)}`,
      }));
    if (!current()) return;
    if (!result.ok) {
      this.error = result.message;
      this.failedFiles = 'inspections' in result ? (result.inspections ?? null) : null;
      this.phase = 'error';
      return;
    }
    this.overview = result.overview;
    for (const slot of [this.agreement, this.annotators, this.aggregation, this.rubric, this.judges, this.routing])
      slot.clear();
    // periods to read agreement over: a batch, week or guideline column first, else the timestamp by week
    this.drift.clear();
    const periodic = this.driftChoices.columns.find((c) =>
      /batch|week|round|guideline|version|period|month|day/i.test(c),
    );
    this.driftBy = periodic ? { column: periodic } : this.driftChoices.timestamp ? { timestamp: 'week' } : null;
    this.driftDefault = true;
    if (!this.fromLink) this.settings = { ...this.settings, removed: [], rubricWeights: null };
    this.fromLink = false;
    // a shared link's removals named by pseudonym (no annotator has that id): the passphrase resolves them
    const known = new Set(result.overview.annotators.map((a) => a.id)); // eslint-disable-line svelte/prefer-svelte-reactivity -- a temporary
    this.linkPseudonyms = this.settings.removed.filter((id) => !known.has(id) && PSEUDONYM.test(id));
    void this.refreshPseudonyms();
    // an ambiguous label reading is asked about before anything that depends on it is computed
    if (result.overview.labelQuestions.length) {
      this.phase = 'question';
      return;
    }
    this.phase = 'ready';
    void this.recompute();
  }

  /**
   * Reads files as run B of a comparison (the label reading and item scope of run A apply) and opens the
   * Compare panel; the comparison follows the settings from then on, and goes into the report.
   */
  async compareWith(files: File[]): Promise<void> {
    if (files.length === 0) return;
    const current = this.compareLoads.next();
    const names = files.map((f) => f.webkitRelativePath || f.name);
    this.compareNote = `Reading ${names.join(', ')} as run B…`;
    this.comparison.pending = true;
    const inputs = files.map((f, i) => ({ name: names[i], blob: f }));
    const { labelsAre, itemScope } = this.options;
    const result = await this.worker.loadComparison(inputs, { labelsAre, itemScope }).catch((error: unknown) => ({
      ok: false as const,
      message: `the files could not be sent to the worker: ${(error as Error)?.message ?? String(error)}`,
    }));
    if (!current()) return;
    if (!result.ok) {
      this.compareNote = `Run B could not be read: ${result.message}`;
      this.comparison.pending = false;
      return;
    }
    this.compareFiles = files;
    this.compareSplit = null;
    // run B's annotators get pseudonyms too
    void this.refreshPseudonyms();
    const asked = result.overview.labelQuestions.length;
    this.compareNote = asked
      ? `Run B's labels fit more than one reading and were read as guessed: open ${names.join(', ')} on its own ` +
        'to see and settle the reading under Columns & labels.'
      : null;
    this.panel = 'compare';
    await this.updateComparison();
  }

  /**
   * Compares two values of a column of the files open (a batch, guideline version or week): the judgements
   * with the first value are run A, those with the second run B. Replaces a run B read from files.
   */
  async compareBy(split: RunSplit): Promise<void> {
    const current = this.compareLoads.next();
    this.comparison.pending = true;
    const result = await this.worker.splitComparison(split);
    if (!current()) return;
    if (!result.ok) {
      this.compareNote = `The file could not be split: ${result.message}`;
      this.comparison.pending = false;
      return;
    }
    this.compareFiles = [];
    this.compareSplit = result.split;
    this.compareNote = null;
    this.comparison.clear();
    this.panel = 'compare';
    await this.updateComparison();
  }

  /** Whether a comparison is open (run B read from files, or a split of the files open). */
  get comparing(): boolean {
    return this.compareFiles.length > 0 || this.compareSplit !== null;
  }

  /** Agreement over time by a column or the timestamp (null: none), at the current settings. */
  async updateDrift(by: DriftPeriods | null = this.driftBy): Promise<void> {
    this.driftBy = by;
    if (!by) {
      this.drift.clear();
      return;
    }
    const settings = this.settings;
    // a newer request wins; only an answer that was applied settles the page's default choice
    const applied = await this.drift.run(
      () => this.worker.drift(by, settings),
      (r) => r.drift,
    );
    if (!applied || !this.driftDefault) return;
    this.driftDefault = false;
    // the default by week of a file that spans one week: by day
    if ('timestamp' in by && by.timestamp === 'week' && this.drift.value?.periods.length === 1)
      await this.updateDrift({ timestamp: 'day' });
  }

  /** The periods the user chose (the page's default no longer applies). */
  chooseDrift(by: DriftPeriods | null): Promise<void> {
    this.driftDefault = false;
    return this.updateDrift(by);
  }

  /** The comparison at the current settings (nothing when no run B was read). */
  async updateComparison(): Promise<boolean> {
    if (!this.comparing) return true;
    const settings = this.settings;
    return this.comparison.run(
      () => this.worker.comparison(settings),
      (r) => r.comparison!,
    );
  }

  /** Forgets run B: the Compare tab closes, the report compares nothing. */
  async clearComparison(): Promise<void> {
    this.compareLoads.next();
    await this.worker.clearComparison();
    this.compareFiles = [];
    this.compareSplit = null;
    this.compareNote = null;
    this.comparison.clear();
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
   * Every panel's numbers for the current settings: agreement values first (fast), the annotator table, final
   * labels, judges and the simulator, then the agreement again with bootstrap intervals, and the rubric. A
   * newer recompute stops an older one at its next step.
   */
  async recompute(): Promise<void> {
    const ticket = this.computes.next();
    const settings = this.settings;
    this.agreementProgress = null;
    if (
      !(await this.agreement.run(
        () => this.worker.agreement({ ...settings, bootstrap: 0 }),
        (r) => this.banded(r),
        ticket,
      ))
    )
      return;
    if (!this.agreement.value) return;
    if (settings.bootstrap > 0) this.agreement.pending = true;
    if (
      !(await this.annotators.run(
        () => this.worker.annotators(settings),
        (r) => ({ annotators: r.annotators, judges: r.judges }),
        ticket,
      ))
    )
      return;
    if (
      !(await this.aggregation.run(
        () =>
          this.worker.aggregation(settings, (done: number, total: number, method: string) => {
            if (ticket()) this.aggregationProgress = { done, total, method };
          }),
        (r) => r,
        ticket,
      ))
    )
      return;
    this.aggregationProgress = null;
    // the judges (under a second) before the agreement's bootstrap (seconds): their tab is ready sooner
    if (
      !(await this.judges.run(
        () => this.worker.judges(settings),
        (r) => r,
        ticket,
      ))
    )
      return;
    if (this.judges.value) await this.updateRouting({});
    else this.routing.clear();
    if (settings.bootstrap > 0) {
      const progress = (done: number, total: number) => {
        if (ticket()) this.agreementProgress = { done, total };
      };
      if (
        !(await this.agreement.run(
          () => this.worker.agreement(settings, progress),
          (r) => this.banded(r),
          ticket,
        ))
      )
        return;
      this.agreementProgress = null;
    }
    // the rubric (several dimensions only) after the coefficients: on a large rubric file it takes seconds
    if (this.agreement.value?.agreement.dimensions.length) await this.updateRubric();
    else this.rubric.clear();
    if (!ticket()) return;
    // run B, when one was read: its comparison at these settings; agreement over time when the panel is shown
    await this.updateComparison();
    if (ticket() && this.panel === 'compare') await this.updateDrift();
    // the planners that read the data (subsampling, k-means) can be slow on large files: only for the panel shown
    this.planStale = true;
    if (ticket() && this.panel === 'planning') await this.refreshPlan();
  }

  /** Recomputes every planner when its data or settings changed since it was last computed. */
  async refreshPlan(): Promise<void> {
    if (!this.planStale && this.costPlan.value) return;
    this.planStale = false;
    await this.updatePlan({});
  }

  /**
   * Changes planner inputs and recomputes the planners they feed (each a small call to the worker). A planner
   * stays due until its answer is applied, so a newer change that stops an older update still computes it.
   */
  async updatePlan(change: Partial<PlanInputs>): Promise<void> {
    const plan = { ...this.plan, ...change };
    this.plan = plan;
    const keys = Object.keys(change) as (keyof PlanInputs)[];
    for (const planner of PLANNERS)
      if (keys.length === 0 || keys.some((k) => PLANNER_INPUTS[planner].includes(k))) this.planDue.add(planner);
    const ticket = this.plans.next();
    const settings = this.settings;
    const asks: Record<Planner, () => Promise<boolean>> = {
      cost: () =>
        this.costPlan.run(
          () =>
            this.worker.costPlan({
              scenarios: plan.scenarios,
              prices: plan.prices,
              approaches: plan.approaches,
              approachTarget: plan.approachTarget,
            }),
          (r) => r,
          ticket,
        ),
      gold: () =>
        this.goldPlan.run(
          () => this.worker.goldPlan(plan.gold),
          (r) => r.plan,
          ticket,
        ),
      nextBatch: () =>
        this.nextBatch.run(
          () => this.worker.nextBatch(settings, plan.next),
          (r) => ({ batch: r.batch, csv: r.csv }),
          ticket,
        ),
      nextLabel: () =>
        this.nextLabel.run(
          () => this.worker.nextLabel(settings, plan.nextLabel),
          (r) => ({ section: r.section, csv: r.csv, annotators: r.annotators }),
          ticket,
        ),
      // k labels per pair redrawn from the data (seeded, in the worker)
      subsample: () =>
        this.subsample.run(
          () => this.worker.subsample(settings, plan.subsample),
          (r) => r.curve,
          ticket,
        ),
    };
    for (const planner of PLANNERS) {
      if (!this.planDue.has(planner)) continue;
      if (!(await asks[planner]())) return;
      this.planDue.delete(planner);
    }
  }

  /** Remembers a pick of a panel (kept in the link). */
  pick(change: Partial<ViewPicks>): void {
    this.picks = { ...this.picks, ...change };
  }

  /** Saves the next batch as CSV (built in the worker; nothing leaves the machine). */
  downloadNextBatch(): void {
    if (this.nextBatch.value) saveFile('next-batch.csv', this.nextBatch.value.csv, 'text/csv');
  }

  /** Saves the batch ranked by the value of the next label as CSV (built in the worker). */
  downloadNextLabelBatch(): void {
    if (this.nextLabel.value) saveFile('next-label-batch.csv', this.nextLabel.value.csv, 'text/csv');
  }

  /** Recomputes the simulator's curve for changed inputs (one small call to the worker: instant). */
  async updateRouting(change: Partial<AnalysisRoutingInputs>): Promise<void> {
    const inputs = { ...this.routingInputs, ...change };
    const judges = this.judges.value?.routing.judges ?? [];
    if (!inputs.judge || !judges.some((j) => j.id === inputs.judge))
      inputs.judge = judges.find((j) => j.table)?.id ?? judges[0]?.id ?? null;
    this.routingInputs = inputs;
    const { judge, ...routing } = inputs;
    this.plan = { ...this.plan, routing };
    if (!judge) this.routing.clear();
    else
      await this.routing.run(
        () => this.worker.routing(judge, routing, this.settings),
        (r) => r,
      );
  }

  /** The rubric section for the current settings (only it depends on the rubric weights). */
  private async updateRubric(): Promise<void> {
    await this.rubric.run(
      () => this.worker.rubric(this.settings),
      (r) => r.rubric && withRubricBand(r.rubric, this.settings.bandMetric),
    );
  }

  /** Changes the rubric weights (null: the defaults) and recomputes the rubric section only. */
  updateRubricWeights(weights: Record<string, number> | null): Promise<void> {
    this.settings = { ...this.settings, rubricWeights: weights };
    return this.updateRubric();
  }

  /** Changes settings and recomputes what depends on them. */
  updateSettings(change: Partial<Settings>): Promise<void> {
    this.settings = { ...this.settings, ...change };
    const keys = Object.keys(change) as (keyof Settings)[];
    if (keys.every((k) => DISPLAY_SETTINGS.includes(k))) {
      // which coefficient reads the bands: the numbers on show (and any still on their way, when they
      // arrive) are read again, nothing is recomputed
      if (this.agreement.value) this.agreement.value = this.banded(this.agreement.value);
      if (this.rubric.value) this.rubric.value = withRubricBand(this.rubric.value, this.settings.bandMetric);
      return Promise.resolve();
    }
    return this.recompute();
  }

  /** An agreement result read against the bands by the current setting. */
  private banded(result: AgreementResult): AgreementResult {
    return { ...result, agreement: withBand(result.agreement, this.settings.bandMetric) };
  }

  /** Leaves annotators out of every number (or brings them back). */
  remove(ids: string[]): Promise<void> {
    return this.updateSettings({ removed: [...new Set([...this.settings.removed, ...ids])] }); // eslint-disable-line svelte/prefer-svelte-reactivity -- a temporary
  }

  restore(ids: string[]): Promise<void> {
    return this.updateSettings({ removed: this.settings.removed.filter((id) => !ids.includes(id)) });
  }

  /** Builds a file in the worker and hands it to the browser as a download (nothing is uploaded). */
  async download(kind: ExportKind): Promise<void> {
    const file = await this.worker.exportFile(kind, this.settings, {
      method: this.settings.method,
      minConfidence: this.minConfidence,
    });
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
   * JSON. Built in the worker; the charts are drawn here.
   */
  async downloadReport(format: 'html' | 'json'): Promise<void> {
    if (this.reportBusy) return;
    this.reportBusy = true;
    this.reportNote = 'Building the report…';
    try {
      const { spot, priceAi, priceHuman, priceExpert, target } = this.routingInputs;
      const built = await this.worker.report(
        this.settings,
        { spot, priceAi, priceHuman, priceExpert, target },
        this.plan.nextLabel,
      );
      if (!built.ok) {
        this.reportNote = `The report could not be built: ${built.message}`;
        return;
      }
      // shared safely: annotator ids replaced by their pseudonyms (keys included), texts left out
      const pseudonymised = this.pseudonyms !== null;
      let report = built.report;
      if (this.pseudonyms) report = replaceStrings(report, idReplacer(this.pseudonyms));
      if (this.leaveOutTexts) report = withoutTexts(report);
      const stem = reportStem(report);
      if (format === 'json') {
        saveFile(`${stem}.json`, `${JSON.stringify(report, null, 2)}\n`, 'application/json');
        this.reportNote = `${stem}.json${pseudonymised ? ', annotators pseudonymised' : ''}`;
        return;
      }
      let charts = 0;
      const html = await reportHtml(report, (done, total) => {
        charts = total;
        this.reportNote = `Drawing chart ${done + 1} of ${total}…`;
      });
      saveFile(`${stem}.html`, html, 'text/html');
      this.reportNote = `${stem}.html: ${charts} charts, no script, opens offline${pseudonymised ? ', annotators pseudonymised' : ''}`;
    } catch (error) {
      this.reportNote = `The report could not be built: ${(error as Error).message}`;
    } finally {
      this.reportBusy = false;
    }
  }

  /** Texts and judgements of the pairs with these ids (the lists of the Judges & bias panel). */
  async pairsOf(ids: string[]): Promise<PairPreview[]> {
    const result = await this.worker.pairs(ids);
    return result.ok ? result.pairs : [];
  }

  /** The pairs of a comparison as run A and run B have them (texts, judgements), or why they cannot be read. */
  async comparedPairs(ids: string[]): Promise<{ a: PairPreview[]; b: PairPreview[] } | string> {
    const result = await this.worker.comparedPairs(ids);
    return result.ok ? { a: result.a, b: result.b } : result.message;
  }

  /** One pair as every final-label method labels it, or why it cannot be shown. */
  async methodsOnPair(id: string): Promise<Flip | string> {
    const result = await this.worker.methodsOnPair(id, this.settings);
    return result.ok ? result.pair : result.message;
  }

  disagreements(a: string, b: string) {
    return this.worker.disagreements(a, b);
  }

  /**
   * Opens the file named by `?data=<relative path>` (a data file published next to the site). Only this
   * site's files: another origin is refused with a message (the page's CSP would block it anyway).
   */
  async openFromQuery(search = typeof location === 'undefined' ? '' : location.search): Promise<void> {
    const path = new URLSearchParams(search).get('data'); // eslint-disable-line svelte/prefer-svelte-reactivity -- a temporary
    if (!path) return;
    let url: URL;
    try {
      url = new URL(path, document.baseURI); // eslint-disable-line svelte/prefer-svelte-reactivity -- a temporary
    } catch {
      url = new URL('about:blank'); // eslint-disable-line svelte/prefer-svelte-reactivity -- a temporary
    }
    if (url.origin !== location.origin)
      return this.fail(`?data= must name a file published on this site (${location.origin}); "${path}" is not one`);
    this.phase = 'loading';
    const response = await fetch(url).catch(() => null);
    if (!response?.ok)
      return this.fail(`the data file "${path}" could not be loaded${response ? ` (${response.status})` : ''}`);
    await this.open([new File([await response.blob()], decodeURIComponent(url.pathname.split('/').pop() || 'data'))]);
  }

  /** Fetches the bundled demo file (same origin, next to the page) and opens it. */
  async openDemo(name: 'demo' | 'rubric-demo' = 'demo'): Promise<void> {
    const response = await fetch(new URL(`samples/${name}.csv.gz`, document.baseURI)).catch(() => null); // eslint-disable-line svelte/prefer-svelte-reactivity -- a temporary
    if (!response?.ok) return this.fail(`the demo file could not be loaded${response ? ` (${response.status})` : ''}`);
    await this.open([new File([await response.blob()], `${name}.csv.gz`)]);
  }

  private fail(message: string): void {
    this.error = message;
    this.phase = 'error';
  }

  /** Stops the running job: the worker is replaced, and the previous result (if any) stays shown. */
  cancel(): void {
    this.loads.next();
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
    this.loads.next();
    this.overview = null;
    this.files = [];
    this.options = {};
    this.error = null;
    this.failedFiles = null;
    this.phase = 'empty';
  }
}

import { LoadFailure, expandFiles, inspectFile, loadFiles, type FileInfo, type LoadOptions, type LoadProgress, type LoadResult } from '../parse/loadFiles';
import { UnreadableFile, type InputFile, type Issue } from '../parse/types';
import { inputSection } from '../report/inputSection';
import { overview, pairPreviews, type Overview, type PairPreview } from '../report/overview';
import { sha256 } from '../report/sha256';
import { loadSummaryFile } from '../summary/loadSummaryFile';
import { summaryAgreement } from '../summary/summaryAgreement';
import { summaryAnnotators } from '../summary/summaryAnnotators';
import { summaryOverview } from '../summary/summaryOverview';
import type { Summary } from '../summary/types';
import { agreementSection, dimensionRows, type AgreementSection } from '../report/agreementSection';
import { metricIds } from '../report/agreementMetrics';
import { orderedCategories } from '../core/orderedCategories';
import { disagreements, type Disagreement } from '../report/disagreements';
import { pairMatrix, type PairMatrix } from '../report/pairMatrix';
import { annotatorsSection, DEFAULT_WEIGHTS, type AnnotatorRow } from '../report/annotatorsSection';
import type { ScoreWeights } from '../core/annotatorScores';
import { DEFAULT_METHOD, aggregationSection, type AggregationDetail, type Method, type MethodSetting } from '../report/aggregationSection';
import { annotationsCsv, finalLabelsCsv, finalLabelsJsonl, trlJsonl } from '../report/exports';
import { aggregationView, type AggregationView } from '../report/aggregationView';
import { biasSection, positionBiasFlags, type BiasSection } from '../report/biasSection';
import { aiJudgeSection, type AiJudgeSection } from '../report/aiJudgeSection';
import { routingSection, type RoutingReference, type RoutingSection } from '../report/routingSection';
import { timeSection, type TimeSection } from '../report/timeSection';
import { pairLint, type PairLint } from '../report/pairLint';
import { modelRatings, type ModelRatings } from '../report/modelRatings';
import { withoutAnnotators } from '../report/withoutAnnotators';
import { judgeRows } from '../report/judgeRows';
import { DEFAULT_ROUTING, reportPoints, type AiJudgeReport, type BiasReport, type RoutingJudgeReport } from '../report/judgesReport';
import { majorityVote } from '../core/majorityVote';
import { judgementFilter } from '../core/judgementFilter';
import { routingCurve, type RoutingOptions } from '../core/routingCurve';
import { buildReport, type Report, type ReportSettingsInput } from '../report/report';
import { annotatorCodes } from './annotatorCodes';
import { DEFAULT_NEXT_LABEL, planningMethods, SUMMARY_ONLY, type NextLabelInputs } from './planningMethods';
import { rubricSection, type RubricSection } from '../report/rubricSection';

export { DEFAULT_NEXT_LABEL, type CostPlan, type NextLabelInputs } from './planningMethods';

/** Settings that change numbers (`docs/report-schema.md`, `settings`), annotators by id. */
export interface AgreementSettings {
  removed?: string[];
  bootstrap?: number;
  seed?: number;
  bandMetric?: string;
  minShared?: number;
  weights?: ScoreWeights;
  method?: MethodSetting;
  /** rubric weights by dimension name (null: the defaults) */
  rubricWeights?: Record<string, number> | null;
}


export type AggregationResult = AggregationView & { elapsedMs: number };

export type ExportKind = 'labels-csv' | 'labels-jsonl' | 'trl' | 'annotations';

export interface AgreementResult {
  agreement: AgreementSection;
  matrix: PairMatrix;
  metrics: { id: string; name: string }[];
  elapsedMs: number;
}

/** What the Judges & bias panel shows (report sections `ai_judge` and `bias`, before the report's shaping). */
export interface JudgesView {
  ai_judge: AiJudgeSection;
  routing: RoutingSection;
  bias: BiasSection;
  time: TimeSection | null;
  pair_lint: PairLint;
  model_ratings: ModelRatings | null;
  elapsedMs: number;
}

/** The simulator's inputs as the page sends them. */
export type RoutingInputs = RoutingOptions & { reference?: RoutingReference };

/** The hybrid-routing simulator's curve for one judge, as plain arrays (`docs/report-schema.md`, `ai_judge.routing`). */
export interface RoutingView {
  judge: string;
  reference: RoutingReference;
  n: number;
  points: { threshold: number; accuracy: number | null; cost: number; human_share: number | null; expert_share: number | null }[];
  best: { threshold: number; accuracy: number; cost: number; human_share: number; expert_share: number } | null;
  ai_only_accuracy: number | null;
}


export type Result<T> = ({ ok: true } & T) | { ok: false; message: string };

/** A load that failed: the message, and what each file looked like (for the page's mapping screen), when known. */
export type LoadResultOf<T> = ({ ok: true } & T) | { ok: false; message: string; inspections?: FileInfo[] };

/** Load options that can cross a worker boundary (no callbacks). */
export type SessionLoadOptions = Omit<LoadOptions, 'onProgress'>;

function failure(error: unknown): { ok: false; message: string; inspections?: FileInfo[] } {
  if (error instanceof LoadFailure) return { ok: false, message: error.message, inspections: error.inspections };
  if (error instanceof UnreadableFile) return { ok: false, message: error.message };
  return { ok: false, message: `could not read the file: ${(error as Error)?.message ?? String(error)}` };
}

/**
 * The analysis session behind the worker: holds the loaded judgements and answers the page's questions
 * with plain, cloneable results. Errors come back as data (`{ok: false, message}`), never thrown.
 */
export function createSession() {
  let loaded: LoadResult | null = null;
  // a prefscope.summary/v1 file opened instead of raw judgements (data too large for the tab)
  let summary: Summary | null = null;
  // the last annotator table and aggregation, by the settings that made them (exports reuse them)
  let annotatorCache: { key: string; rows: AnnotatorRow[] } | null = null;
  let aggregationCache: { key: string; detail: AggregationDetail } | null = null;
  // the Judges & bias view by the settings that made it; the reference of the routing simulator
  let judgesCache: { key: string; view: JudgesView } | null = null;
  let agreementCache: { key: string; result: Omit<AgreementResult, 'elapsedMs'> } | null = null;
  let routingReference: RoutingReference = 'majority';
  // annotators and judges flagged for position bias (depends on the data only)
  let positionBiased: Set<string> | null = null;
  // what the last successful load read (the report's input section and column mappings)
  let loadedOverview: Overview | null = null;
  let loadedLabelMap: Record<string, string> | null = null;
  let loadedLabelsAre: Record<string, string> | null = null;
  let loadedItemScope: 'shared' | 'file' = 'shared';
  const annotatorRows = (settings: AgreementSettings): AnnotatorRow[] => {
    const key = JSON.stringify([settings.removed ?? [], settings.weights ?? DEFAULT_WEIGHTS]);
    if (annotatorCache?.key !== key) {
      const r = loaded!.ratings;
      positionBiased ??= positionBiasFlags(r, loaded!.models);
      annotatorCache = { key, rows: annotatorsSection(r, { removed: annotatorCodes(r.annotators, settings.removed), weights: settings.weights ?? DEFAULT_WEIGHTS, positionBiased }) };
    }
    return annotatorCache.rows;
  };
  const aggregate = (settings: AgreementSettings): AggregationDetail => {
    const key = JSON.stringify([settings.removed ?? [], settings.weights ?? DEFAULT_WEIGHTS, settings.method ?? DEFAULT_METHOD]);
    if (aggregationCache?.key !== key) {
      const r = loaded!.ratings;
      const composite = new Float64Array(r.annotators.length).fill(NaN);
      for (const row of annotatorRows(settings)) composite[r.annotators.indexOf(row.id)] = row.composite ?? NaN;
      aggregationCache = { key, detail: aggregationSection(r, { removed: annotatorCodes(r.annotators, settings.removed), composite, method: settings.method ?? DEFAULT_METHOD }) };
    }
    return aggregationCache.detail;
  };
  return {
    async inspect(files: InputFile[]): Promise<Result<{ files: { info: FileInfo; sample: unknown[][] }[] }>> {
      try {
        const all = await expandFiles(files);
        return { ok: true, files: await Promise.all(all.map((f) => inspectFile(f, {}, all.length - 1))) };
      } catch (error) {
        return failure(error);
      }
    },

    async load(files: InputFile[], options: SessionLoadOptions = {}, onProgress?: (p: LoadProgress) => void): Promise<LoadResultOf<{ overview: Overview }>> {
      // the data already loaded stays until new data has been read: a failed re-read leaves it usable
      const replace = (next: { loaded: LoadResult | null; summary: typeof summary }) => {
        ({ loaded, summary } = next);
        loadedOverview = null;
        annotatorCache = null;
        positionBiased = null;
        judgesCache = null;
        routingReference = 'majority';
        aggregationCache = null;
        agreementCache = null;
      };
      let last = 0;
      const throttled = (p: LoadProgress) => {
        const now = Date.now();
        if (now - last > 100) {
          last = now;
          onProgress?.(p);
        }
      };
      try {
        if (files.length === 1) {
          const read = await loadSummaryFile(files[0]);
          if (read) {
            const digest = await sha256(files[0].blob);
            replace({ loaded: null, summary: read });
            loadedOverview = summaryOverview(read, { name: files[0].name, bytes: files[0].blob.size, sha256: digest });
            loadedLabelMap = options.labelMap ?? null;
            return { ok: true, overview: loadedOverview };
          }
        }
        const result = await loadFiles(files, { ...options, onProgress: throttled });
        const digests = await Promise.all(result.blobs.map((b) => sha256(b)));
        replace({ loaded: result, summary: null });
        loadedOverview = overview(result, inputSection(result, digests));
        loadedLabelMap = options.labelMap ?? null;
        loadedLabelsAre = options.labelsAre ?? null;
        loadedItemScope = options.itemScope ?? 'shared';
        return { ok: true, overview: loadedOverview };
      } catch (error) {
        return failure(error);
      }
    },

    /** The agreement section with the pair matrix; progress reports bootstrap resampling. */
    agreement(settings: AgreementSettings = {}, onProgress?: (done: number, total: number) => void): Result<AgreementResult> {
      if (summary) {
        const t0 = performance.now();
        const agreement = summaryAgreement(summary, { bootstrap: settings.bootstrap ?? 0, seed: settings.seed ?? 1, bandMetric: settings.bandMetric ?? 'fleiss_kappa', minShared: settings.minShared ?? 10, onProgress });
        return { ok: true, agreement, matrix: pairMatrix(agreement.cohen_pairs), metrics: metricIds(summary.scale !== 'nominal', orderedCategories(summary.scale, summary.categories)), elapsedMs: performance.now() - t0 };
      }
      if (!loaded) return { ok: false, message: 'no data loaded' };
      const r = loaded.ratings;
      const t0 = performance.now();
      const removed = annotatorCodes(r.annotators, settings.removed);
      const options = { removed, bootstrap: settings.bootstrap ?? 0, seed: settings.seed ?? 1, bandMetric: settings.bandMetric ?? 'fleiss_kappa', minShared: settings.minShared ?? 10 };
      // the bootstrap is the slow part: the report asks again for what the page has just computed
      const key = JSON.stringify([settings.removed ?? [], options.bootstrap, options.seed, options.bandMetric, options.minShared]);
      if (options.bootstrap > 0 && agreementCache?.key === key) return { ok: true, ...agreementCache.result, elapsedMs: performance.now() - t0 };
      const agreement = agreementSection(r, { ...options, onProgress });
      agreement.dimensions = dimensionRows(r, options);
      const result = { agreement, matrix: pairMatrix(agreement.cohen_pairs), metrics: metricIds(r.scale !== 'nominal', orderedCategories(r.scale, r.categories)) };
      if (options.bootstrap > 0) agreementCache = { key, result };
      return { ok: true, ...result, elapsedMs: performance.now() - t0 };
    },

    /** The rubric verdict, correlations and disagreement by dimension (report `rubric`; null with one dimension). */
    rubric(settings: AgreementSettings = {}): Result<{ rubric: RubricSection | null; elapsedMs: number }> {
      if (summary) return { ok: true, rubric: null, elapsedMs: 0 };
      if (!loaded) return { ok: false, message: 'no data loaded' };
      const t0 = performance.now();
      const r = loaded.ratings;
      try {
        const rubric = rubricSection(r, loaded.texts, {
          removed: annotatorCodes(r.annotators, settings.removed), bootstrap: settings.bootstrap ?? 0, seed: settings.seed ?? 1,
          bandMetric: settings.bandMetric ?? 'fleiss_kappa', minShared: settings.minShared ?? 10, weights: settings.rubricWeights ?? null,
        });
        return { ok: true, rubric, elapsedMs: performance.now() - t0 };
      } catch (error) {
        return { ok: false, message: (error as Error).message };
      }
    },

    /** The annotator table (`docs/report-schema.md`, `annotators`, humans) and the AI judges scored by the same rules (`judges`). */
    annotators(settings: AgreementSettings = {}): Result<{ annotators: AnnotatorRow[]; judges: AnnotatorRow[]; elapsedMs: number }> {
      if (summary) return { ok: true, annotators: summaryAnnotators(summary, { weights: settings.weights ?? DEFAULT_WEIGHTS }), judges: [], elapsedMs: 0 };
      if (!loaded) return { ok: false, message: 'no data loaded' };
      const t0 = performance.now();
      const r = loaded.ratings;
      const judges = judgeRows(r, { removed: annotatorCodes(r.annotators, settings.removed), weights: settings.weights ?? DEFAULT_WEIGHTS });
      return { ok: true, annotators: annotatorRows(settings), judges, elapsedMs: performance.now() - t0 };
    },

    /** Final labels by every method (`docs/report-schema.md`, `aggregation`) and what the page shows of them. */
    aggregation(settings: AgreementSettings = {}): Result<AggregationResult> {
      if (summary) return { ok: false, message: `Final labels: ${SUMMARY_ONLY}` };
      if (!loaded) return { ok: false, message: 'no data loaded' };
      const t0 = performance.now();
      const detail = aggregate(settings);
      const view = aggregationView(loaded, detail, annotatorRows(settings));
      return { ok: true, ...view, elapsedMs: performance.now() - t0 };
    },

    /**
     * AI judges against humans, the routing tables, position / length / swap bias, time, pair lint and model
     * ratings, without the removed annotators (position rows keep them, so the page can show why).
     */
    judges(settings: AgreementSettings = {}): Result<JudgesView> {
      if (summary) return { ok: false, message: `Judges & bias: ${SUMMARY_ONLY}` };
      if (!loaded) return { ok: false, message: 'no data loaded' };
      const key = JSON.stringify([settings.removed ?? [], settings.bootstrap ?? 0, settings.seed ?? 1]);
      if (judgesCache?.key === key) return { ok: true, ...judgesCache.view };
      const t0 = performance.now();
      const removed = annotatorCodes(loaded.ratings.annotators, settings.removed);
      const kept = withoutAnnotators(loaded, removed);
      const finals = majorityVote(kept.ratings, judgementFilter(kept.ratings)).label;
      const view: JudgesView = {
        ai_judge: aiJudgeSection(kept),
        routing: routingSection(kept, { reference: loaded.ratings.itemGold.some((g) => g >= 0) && routingReference === 'gold' ? 'gold' : 'majority' }),
        bias: biasSection(loaded, { removed }),
        time: timeSection(kept),
        pair_lint: pairLint(kept, finals),
        model_ratings: modelRatings(kept, { bootstrap: settings.bootstrap ?? 0, seed: settings.seed ?? 1 }),
        elapsedMs: 0,
      };
      view.elapsedMs = performance.now() - t0;
      judgesCache = { key, view };
      return { ok: true, ...view };
    },

    /** The routing curve of one AI judge for the simulator's inputs (instant: the table is computed once). */
    routing(judge: string, inputs: RoutingInputs, settings: AgreementSettings = {}): Result<RoutingView> {
      if (!loaded) return { ok: false, message: 'no data loaded' };
      if (inputs.reference && inputs.reference !== routingReference) {
        routingReference = inputs.reference;
        judgesCache = null;
      }
      const view = this.judges(settings);
      if (!view.ok) return view;
      const entry = view.routing.judges.find((j) => j.id === judge);
      if (!entry?.table) return { ok: false, message: entry?.reason ?? `no AI judge "${judge}"` };
      try {
        return { ok: true, ...routingView(judge, view.routing.reference, entry.n, routingCurve(entry.table, inputs), entry.table.aiCorrect / Math.max(1, entry.table.n)) };
      } catch (error) {
        return { ok: false, message: (error as Error).message };
      }
    },

    /** The report's `ai_judge` and `bias` sections (routing at the given simulator inputs); null for a summary file. */
    judgesReport(settings: AgreementSettings = {}, inputs: Required<RoutingOptions> = DEFAULT_ROUTING): { ai_judge: AiJudgeReport | null; bias: BiasReport | null } {
      const view = this.judges(settings);
      if (!view.ok) return { ai_judge: null, bias: null };
      const routing: RoutingJudgeReport[] = view.routing.judges.map((j) => {
        const base = { id: j.id, n: j.n, no_confidence: j.no_confidence, reason: j.reason };
        if (!j.table) return { ...base, ai_only_accuracy: null, best: null, points: [] };
        const curve = routingView(j.id, view.routing.reference, j.n, routingCurve(j.table, inputs), j.table.aiCorrect / Math.max(1, j.table.n));
        return { ...base, ai_only_accuracy: curve.ai_only_accuracy, best: curve.best, points: reportPoints(curve.points) };
      });
      return {
        ai_judge: {
          judges: view.ai_judge.judges,
          routing: { reference: view.routing.reference, inputs: { spot: inputs.spot, price_ai: inputs.priceAi, price_human: inputs.priceHuman, price_expert: inputs.priceExpert, target: inputs.target }, judges: routing },
        },
        bias: { ...view.bias, time: view.time, pair_lint: view.pair_lint, model_ratings: view.model_ratings },
      };
    },

    /**
     * The whole `prefscope.report/v1` document for these settings (the audit command prints it, the page
     * downloads it): agreement with its bootstrap intervals, annotators, final labels, AI judges and bias,
     * the routing tables at the given simulator inputs. A summary file has no final labels, judges or bias (null).
     */
    report(settings: AgreementSettings = {}, inputs: Required<RoutingOptions> = DEFAULT_ROUTING, labelInputs: NextLabelInputs = DEFAULT_NEXT_LABEL): Result<{ report: Report }> {
      if (!loadedOverview) return { ok: false, message: 'no data loaded' };
      const agreement = this.agreement(settings);
      const annotators = this.annotators(settings);
      if (!agreement.ok || !annotators.ok) return { ok: false, message: 'no data loaded' };
      const full: ReportSettingsInput = {
        labelMap: loadedLabelMap,
        labelsAre: loadedLabelsAre,
        itemScope: loadedItemScope,
        removed: settings.removed ?? [],
        bootstrap: settings.bootstrap ?? 0,
        seed: settings.seed ?? 1,
        minShared: settings.minShared ?? 10,
        bandMetric: settings.bandMetric ?? 'fleiss_kappa',
        weights: settings.weights ?? DEFAULT_WEIGHTS,
        method: settings.method ?? DEFAULT_METHOD,
        nextLabel: { from: labelInputs.from, price_per_label: labelInputs.pricePerLabel },
      };
      const rubric = this.rubric(settings);
      if (!rubric.ok) return { ok: false, message: rubric.message };
      const nextLabel = summary ? null : this.nextLabel(settings, labelInputs);
      if (nextLabel && !nextLabel.ok) return { ok: false, message: nextLabel.message };
      const report = buildReport(loadedOverview.input, loadedOverview.fileInfos, full, {
        agreement: agreement.agreement,
        annotators: annotators.annotators,
        // a summary file has no judgements to aggregate: the section is null, as the schema allows
        aggregation: summary ? null : aggregate(settings).section,
        ...this.judgesReport(settings, inputs),
        rubric: rubric.rubric,
        next_label: nextLabel ? nextLabel.section : null,
      });
      return { ok: true, report };
    },

    ...planningMethods({ loaded: () => loaded, summary: () => summary, aggregate }),

    /** A file to download: final labels, the TRL preference file, or the annotations less removed annotators. */
    exportFile(kind: ExportKind, settings: AgreementSettings = {}, { method: asked, minConfidence = 0 }: { method?: MethodSetting; minConfidence?: number } = {}): Result<{ name: string; text: string; type: string; note: string }> {
      if (summary) return { ok: false, message: `Export: ${SUMMARY_ONLY}` };
      if (!loaded) return { ok: false, message: 'no data loaded' };
      const r = loaded.ratings;
      if (kind === 'annotations') {
        const removed = new Set(annotatorCodes(r.annotators, settings.removed));
        return { ok: true, name: 'annotations.csv', text: annotationsCsv(loaded, removed), type: 'text/csv', note: `without ${removed.size} removed annotator${removed.size === 1 ? '' : 's'}` };
      }
      // the labels of the method asked for; `auto` (or nothing asked) is the one the aggregation resolved
      const detail = aggregate(settings);
      const method: Method = !asked || asked === 'auto' ? detail.section.method : asked;
      const labels = detail.labels[method];
      if (kind === 'labels-csv') return { ok: true, name: `final-labels-${method}.csv`, text: finalLabelsCsv(r, labels), type: 'text/csv', note: '' };
      if (kind === 'labels-jsonl') return { ok: true, name: `final-labels-${method}.jsonl`, text: finalLabelsJsonl(r, labels), type: 'application/x-ndjson', note: '' };
      if (r.scale === 'nominal') return { ok: false, message: 'a preference file needs preference labels (A / tie / B), not nominal categories' };
      const trl = trlJsonl(loaded, labels, { minConfidence });
      if (trl.kept === 0 && trl.noText > 0) return { ok: false, message: 'the data has no response texts (response_a / response_b columns), so there is nothing to put in chosen / rejected' };
      return { ok: true, name: `preferences-${method}.jsonl`, text: trl.text, type: 'application/x-ndjson', note: `${trl.kept} pairs; left out: ${trl.ties} ties, ${trl.lowConfidence} below confidence ${minConfidence}, ${trl.noText} without both responses` };
    },

    /** Items two annotators labelled differently, with their texts. */
    disagreements(a: string, b: string, limit = 200): { total: number; shared: number; items: Disagreement[] } {
      return loaded ? disagreements(loaded.ratings, loaded.texts, a, b, limit) : { total: 0, shared: 0, items: [] };
    },

    /** Texts and judgements of items by id (the lists of the Judges & bias panel), unknown ids left out. */
    pairsById(ids: string[]): PairPreview[] {
      if (!loaded) return [];
      const index = new Map(loaded.ratings.items.map((id, i) => [id, i]));
      return pairPreviews(loaded, ids.map((id) => index.get(id) ?? -1).filter((i) => i >= 0));
    },

    /** Texts and judgements of items, by position in the item list. */
    pairs(items: number[]): PairPreview[] {
      return loaded ? pairPreviews(loaded, items.filter((i) => i >= 0 && i < loaded!.ratings.items.length)) : [];
    },

    /** A page of every issue found while reading (the report keeps the first 100). */
    issues(offset: number, limit: number): Issue[] {
      return loaded ? loaded.issues.slice(offset, offset + limit) : [];
    },
  };
}

export type AnalysisSession = ReturnType<typeof createSession>;

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** A routing curve as plain rows. */
export function routingView(judge: string, reference: RoutingReference, n: number, curve: ReturnType<typeof routingCurve>, aiOnly: number): RoutingView {
  return {
    judge,
    reference,
    n,
    points: Array.from(curve.threshold, (t, i) => ({ threshold: t, accuracy: finite(curve.accuracy[i]), cost: curve.cost[i], human_share: finite(curve.humanShare[i]), expert_share: finite(curve.expertShare[i]) })),
    best: curve.best && { threshold: curve.best.threshold, accuracy: curve.best.accuracy, cost: curve.best.cost, human_share: curve.best.humanShare, expert_share: curve.best.expertShare },
    ai_only_accuracy: n > 0 ? aiOnly : null,
  };
}

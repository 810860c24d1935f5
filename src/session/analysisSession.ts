import { judgementFilter } from '../core/judgementFilter';
import { HUMAN } from '../core/types';
import { majorityVote } from '../core/majorityVote';
import { orderedCategories } from '../core/orderedCategories';
import { routingCurve, type RoutingOptions } from '../core/routingCurve';
import {
  LoadFailure,
  expandFiles,
  inspectFile,
  loadFiles,
  type FileInfo,
  type LoadOptions,
  type LoadProgress,
  type LoadResult,
} from '../parse/loadFiles';
import { UnreadableFile, type InputFile } from '../parse/types';
import { annotationsCsv, finalLabelsCsv, finalLabelsJsonl, trlJsonl } from '../render/exports';
import { buildReport, type Report } from '../report/report';
import {
  aggregationFits,
  withMethod,
  METHOD_NAMES,
  type AggregationDetail,
  type Method,
  type MethodSetting,
} from '../sections/aggregationSection';
import { agreementSection, dimensionRows, type AgreementSection } from '../sections/agreementSection';
import { withBand, withRubricBand } from '../sections/band';
import { aiJudgeSection, type AiJudgeSection } from '../sections/aiJudgeSection';
import { annotatorsSection, type AnnotatorRow } from '../sections/annotatorsSection';
import { spamFits, spamScores } from '../sections/spamScores';
import { biasSection, positionBiasFlags, responseLengths, type BiasSection } from '../sections/biasSection';
import {
  comparisonSection,
  NotComparable,
  type ComparedRun,
  type ComparisonSection,
} from '../sections/comparisonSection';
import { splitParts, splitRuns, type RunSplit } from '../sections/splitRuns';
import { driftSection, type DriftPeriods, type DriftSection } from '../sections/driftSection';
import { inputSection } from '../sections/inputSection';
import { judgeRows } from '../sections/judgeRows';
import { reportPoints, type AiJudgeReport, type BiasReport, type RoutingJudgeReport } from '../sections/judgesReport';
import { metricIds } from '../sections/metrics';
import { modelRatings, type ModelRatings } from '../sections/modelRatings';
import { pairLint, type PairLint } from '../sections/pairLint';
import { routingSection, type RoutingReference, type RoutingSection } from '../sections/routingSection';
import { rubricSection, type RubricSection } from '../sections/rubricSection';
import { timeSection, type TimeSection } from '../sections/timeSection';
import { withoutAnnotators } from '../sections/withoutAnnotators';
import { loadSummaryFile } from '../summary/loadSummaryFile';
import { summaryAgreement } from '../summary/summaryAgreement';
import { summaryAnnotators } from '../summary/summaryAnnotators';
import { summaryOverview } from '../summary/summaryOverview';
import type { Summary } from '../summary/types';
import { aggregationView, methodsOnItem, type AggregationView, type Flip } from '../views/aggregationView';
import { disagreements, type Disagreement } from '../views/disagreements';
import { overview, pairPreviews, type Overview, type PairPreview } from '../views/overview';
import { pairMatrix, type PairMatrix } from '../views/pairMatrix';
import { routingView, type RoutingView } from '../views/routingView';
import { annotatorCodes } from './annotatorCodes';
import { guarded, type Result } from './guarded';
import { memo } from './memo';
import { planningMethods, SUMMARY_ONLY } from './planningMethods';
import {
  NEXT_LABEL_DEFAULTS,
  ROUTING_DEFAULTS,
  resolveSettings,
  type NextLabelInputs,
  type Settings,
  type SettingsInput,
} from './settings';
import { sha256 } from './sha256';

export type { Failure, Result } from './guarded';
export type { CostPlan } from './planningMethods';
export type { NextLabelInputs, Settings, SettingsInput } from './settings';
export type { RoutingView } from '../views/routingView';

/** What the Final labels panel shows; `ms` holds each method's own fit time. */
export type AggregationResult = AggregationView;

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

/** A load that failed: the message, and what each file looked like (for the page's mapping screen), when known. */
export type LoadResultOf<T> = ({ ok: true } & T) | { ok: false; message: string; inspections?: FileInfo[] };

/** Load options that can cross a worker boundary (no callbacks). */
export type SessionLoadOptions = Omit<LoadOptions, 'onProgress'>;

const NO_DATA = { ok: false, message: 'no data loaded' } as const;

/** The pairs of these ids (ids not in the data left out), with their texts and judgements. */
function previewsOf(loaded: LoadResult, ids: string[]): PairPreview[] {
  const index = new Map(loaded.ratings.items.map((id, i) => [id, i]));
  return pairPreviews(
    loaded,
    ids.map((id) => index.get(id) ?? -1).filter((i) => i >= 0),
  );
}

function loadFailure(error: unknown): { ok: false; message: string; inspections?: FileInfo[] } {
  if (error instanceof LoadFailure) return { ok: false, message: error.message, inspections: error.inspections };
  if (error instanceof UnreadableFile) return { ok: false, message: error.message };
  return { ok: false, message: `could not read the file: ${(error as Error)?.message ?? String(error)}` };
}

/** What one load read: the judgements (or a summary file's counts) and how they were read. */
interface Data {
  loaded: LoadResult | null;
  summary: Summary | null;
  overview: Overview;
  reading: {
    labelMap: Record<string, string> | null;
    labelsAre: Record<string, string> | null;
    itemScope: 'shared' | 'file';
  };
}

/**
 * The analysis session behind the worker: holds the loaded judgements and answers the page's questions with
 * plain, cloneable results. Settings are resolved once, where a request enters; every method is guarded, so
 * errors come back as data (`{ok: false, message}`) and never as a throw.
 */
export function createSession() {
  let data: Data | null = null;
  // results several questions share, by the settings that made them; forgotten when new data is read
  const cache = memo();
  // the reference the routing simulator scores against (gold when the data has it and the page asks)
  let routingReference: RoutingReference = 'majority';

  // Dawid-Skene and MACE on every human judgement depend on the data only
  const spamFitsOf = (loaded: LoadResult) => cache.get('spamFits', null, () => spamFits(loaded.ratings));

  const annotatorRows = (loaded: LoadResult, s: Settings): AnnotatorRow[] =>
    cache.get('annotators', [s.removed, s.weights], () => {
      const r = loaded.ratings;
      // annotators and judges flagged for position bias depend on the data only
      const positionBiased = cache.get('positionBiased', null, () => positionBiasFlags(r, loaded.models));
      const spam = spamScores(r, spamFitsOf(loaded));
      return annotatorsSection(r, {
        removed: annotatorCodes(r.annotators, s.removed),
        weights: s.weights,
        positionBiased,
        spam,
      });
    });

  const aggregate = (
    loaded: LoadResult,
    s: Settings,
    onProgress?: (done: number, total: number, method: string) => void,
  ): AggregationDetail =>
    // every method is fitted once per annotator set and weights; choosing the export's method refits nothing
    withMethod(
      cache.get('aggregation', [s.removed, s.weights], () => {
        const r = loaded.ratings;
        const composite = new Float64Array(r.annotators.length).fill(NaN);
        for (const row of annotatorRows(loaded, s)) composite[r.annotators.indexOf(row.id)] = row.composite ?? NaN;
        const removed = annotatorCodes(r.annotators, s.removed);
        // with no one removed, Dawid-Skene and MACE are the spam scores' fits: reused, not refitted
        const fitted = removed.length === 0 ? spamFitsOf(loaded) : {};
        return aggregationFits(r, { removed, composite, fitted, onProgress });
      }),
      s.method,
    );

  const agreement = (s: Settings, onProgress?: (done: number, total: number) => void): Result<AgreementResult> => {
    if (!data) return NO_DATA;
    const t0 = performance.now();
    // the band metric is a display choice: the cached section is read against it afterwards
    const options = { bootstrap: s.bootstrap, seed: s.seed, minShared: s.minShared };
    // the bootstrap is the slow part: the report asks again for what the page has just computed
    // the values alone (asked first, fast) and with intervals are kept apart, so neither evicts the other
    const result = cache.get(s.bootstrap > 0 ? 'agreement' : 'agreement-values', [s.removed, options], () => {
      const { loaded, summary } = data!;
      if (summary) {
        const section = summaryAgreement(summary, { ...options, onProgress });
        return {
          agreement: section,
          matrix: pairMatrix(section.cohen_pairs),
          metrics: metricIds(summary.scale !== 'nominal', orderedCategories(summary.scale, summary.categories)),
        };
      }
      const r = loaded!.ratings;
      const removed = annotatorCodes(r.annotators, s.removed);
      const section = agreementSection(r, { ...options, removed, onProgress });
      section.dimensions = dimensionRows(r, { ...options, removed });
      return {
        agreement: section,
        matrix: pairMatrix(section.cohen_pairs),
        metrics: metricIds(r.scale !== 'nominal', orderedCategories(r.scale, r.categories)),
      };
    });
    return {
      ok: true,
      ...result,
      agreement: withBand(result.agreement, s.bandMetric),
      elapsedMs: performance.now() - t0,
    };
  };

  const rubric = (s: Settings): Result<{ rubric: RubricSection | null; elapsedMs: number }> => {
    if (!data) return NO_DATA;
    const { loaded } = data;
    if (!loaded) return { ok: true, rubric: null, elapsedMs: 0 };
    const t0 = performance.now();
    const r = loaded.ratings;
    const options = { bootstrap: s.bootstrap, seed: s.seed, minShared: s.minShared, weights: s.rubricWeights };
    const section = cache.get('rubric', [s.removed, options], () =>
      rubricSection(r, loaded.texts, { ...options, removed: annotatorCodes(r.annotators, s.removed) }),
    );
    return { ok: true, rubric: section && withRubricBand(section, s.bandMetric), elapsedMs: performance.now() - t0 };
  };

  const annotators = (
    s: Settings,
  ): Result<{ annotators: AnnotatorRow[]; judges: AnnotatorRow[]; elapsedMs: number }> => {
    if (!data) return NO_DATA;
    const { loaded, summary } = data;
    if (summary)
      return { ok: true, annotators: summaryAnnotators(summary, { weights: s.weights }), judges: [], elapsedMs: 0 };
    const t0 = performance.now();
    const r = loaded!.ratings;
    const judges = judgeRows(r, { removed: annotatorCodes(r.annotators, s.removed), weights: s.weights });
    return { ok: true, annotators: annotatorRows(loaded!, s), judges, elapsedMs: performance.now() - t0 };
  };

  const judges = (s: Settings): Result<JudgesView> => {
    if (!data) return NO_DATA;
    const { loaded } = data;
    if (!loaded) return { ok: false, message: `Judges & bias: ${SUMMARY_ONLY}` };
    const view = cache.get('judges', [s.removed, s.bootstrap, s.seed, s.families, routingReference], () => {
      const t0 = performance.now();
      const removed = annotatorCodes(loaded.ratings.annotators, s.removed);
      const kept = withoutAnnotators(loaded, removed);
      const finals = majorityVote(kept.ratings, judgementFilter(kept.ratings)).label;
      const hasGold = loaded.ratings.itemGold.some((g) => g >= 0);
      const v: JudgesView = {
        ai_judge: aiJudgeSection(kept, { families: s.families }),
        routing: routingSection(kept, { reference: hasGold && routingReference === 'gold' ? 'gold' : 'majority' }),
        bias: biasSection(loaded, { removed }),
        time: timeSection(kept),
        pair_lint: pairLint(kept, finals),
        model_ratings: modelRatings(kept, { bootstrap: s.bootstrap, seed: s.seed }),
        elapsedMs: 0,
      };
      v.elapsedMs = performance.now() - t0;
      return v;
    });
    return { ok: true, ...view };
  };

  /** The report's `ai_judge` and `bias` sections, routing at the given simulator inputs (null without judgements). */
  const judgesReport = (
    s: Settings,
    inputs: Required<RoutingOptions>,
  ): { ai_judge: AiJudgeReport | null; bias: BiasReport | null } => {
    const view = judges(s);
    if (!view.ok) return { ai_judge: null, bias: null };
    const routing: RoutingJudgeReport[] = view.routing.judges.map((j) => {
      const base = { id: j.id, n: j.n, no_confidence: j.no_confidence, reason: j.reason };
      if (!j.table) return { ...base, ai_only_accuracy: null, best: null, points: [] };
      const curve = routingView(
        j.id,
        view.routing.reference,
        j.n,
        routingCurve(j.table, inputs),
        j.table.aiCorrect / Math.max(1, j.table.n),
      );
      return {
        ...base,
        ai_only_accuracy: curve.ai_only_accuracy,
        best: curve.best,
        points: reportPoints(curve.points),
      };
    });
    return {
      ai_judge: {
        judges: view.ai_judge.judges,
        panel: view.ai_judge.panel,
        human_length_controlled: view.ai_judge.human_length_controlled,
        routing: {
          reference: view.routing.reference,
          inputs: {
            spot: inputs.spot,
            price_ai: inputs.priceAi,
            price_human: inputs.priceHuman,
            price_expert: inputs.priceExpert,
            target: inputs.target,
          },
          judges: routing,
        },
      },
      bias: { ...view.bias, time: view.time, pair_lint: view.pair_lint, model_ratings: view.model_ratings },
    };
  };

  // run B of a comparison: a session of its own (`loadComparison`), asked for its judgements in-process
  let runB: {
    comparedRun: (settings?: SettingsInput) => Result<{ run: ComparedRun; name: string }>;
    humanAnnotators: () => Result<{ ids: string[] }>;
    pairs: (ids: string[]) => Result<{ pairs: PairPreview[] }>;
  } | null = null;
  // how many times run B was read: the comparison's cache key
  let runBReads = 0;
  // or one file cut into runs A and B by a column's values (`splitComparison`)
  let split: RunSplit | null = null;

  /** This session's judgements and annotator rows, as a run of a comparison. */
  const comparedRun = (s: Settings): Result<{ run: ComparedRun; name: string }> => {
    if (!data) return NO_DATA;
    const { loaded } = data;
    if (!loaded) return { ok: false, message: `Compare: ${SUMMARY_ONLY}` };
    const rows = annotators(s);
    if (!rows.ok) return rows;
    return {
      ok: true,
      run: {
        ratings: loaded.ratings,
        annotators: rows.annotators,
        lengths: cache.get('lengths', null, () => responseLengths(loaded.texts, loaded.ratings.items.length)),
        models: loaded.models,
      },
      name: data.overview.input.files.map((f) => f.name).join(', '),
    };
  };

  /** Runs A and B with their names: this session's data against run B, or the two parts of a split. */
  const twoRuns = (s: Settings): Result<{ runs: [ComparedRun, ComparedRun]; names: [string, string] }> => {
    if (split) {
      const loaded = data?.loaded;
      if (!loaded) return { ok: false, message: `Compare: ${data ? SUMMARY_ONLY : 'no data loaded'}` };
      const runs = splitRuns(loaded, split, { removed: s.removed, weights: s.weights });
      if (typeof runs === 'string') return { ok: false, message: `Compare: ${runs}` };
      return { ok: true, runs, names: [`${split.column} = ${split.a}`, `${split.column} = ${split.b}`] };
    }
    const mine = comparedRun(s);
    if (!mine.ok) return mine;
    const other = runB!.comparedRun(s);
    if (!other.ok) return { ok: false, message: `Run B: ${other.message}` };
    return { ok: true, runs: [mine.run, other.run], names: [mine.name, other.name] };
  };

  const comparison = (s: Settings): Result<{ comparison: ComparisonSection | null }> => {
    if (!runB && !split) return { ok: true, comparison: null };
    try {
      const key = [s.removed, s.weights, s.bootstrap, s.seed, s.bandMetric, runBReads, split];
      const section = cache.get('comparison', key, () => {
        const runs = twoRuns(s);
        if (!runs.ok) return runs.message;
        return comparisonSection(runs.runs[0], runs.runs[1], {
          bootstrap: s.bootstrap,
          seed: s.seed,
          removed: s.removed,
          bandMetric: s.bandMetric,
          names: runs.names,
        });
      });
      if (typeof section === 'string') return { ok: false, message: section };
      return { ok: true, comparison: section };
    } catch (error) {
      if (error instanceof NotComparable) return { ok: false, message: `Compare: ${error.message}` };
      throw error;
    }
  };

  const planners = planningMethods({
    loaded: () => data?.loaded ?? null,
    summary: () => data?.summary ?? null,
    aggregate: (s) => aggregate(data!.loaded!, s),
  });

  return guarded({
    /** What each file looks like (format, columns, a sample of rows), without reading it all. */
    async inspect(files: InputFile[]): Promise<Result<{ files: { info: FileInfo; sample: unknown[][] }[] }>> {
      try {
        const all = await expandFiles(files);
        return { ok: true, files: await Promise.all(all.map((f) => inspectFile(f, {}, all.length - 1))) };
      } catch (error) {
        return loadFailure(error);
      }
    },

    /** Reads files (or a summary file); the data already loaded stays until new data has been read. */
    async load(
      files: InputFile[],
      options: SessionLoadOptions = {},
      onProgress?: (p: LoadProgress) => void,
    ): Promise<LoadResultOf<{ overview: Overview }>> {
      let last = 0;
      const throttled = (p: LoadProgress) => {
        const now = Date.now();
        if (now - last > 100) {
          last = now;
          onProgress?.(p);
        }
      };
      const reading: Data['reading'] = {
        labelMap: options.labelMap ?? null,
        labelsAre: options.labelsAre ?? null,
        itemScope: options.itemScope ?? 'shared',
      };
      try {
        let next: Data;
        const summary = files.length === 1 ? await loadSummaryFile(files[0]) : null;
        if (summary) {
          const digest = await sha256(files[0].blob);
          next = {
            loaded: null,
            summary,
            overview: summaryOverview(summary, { name: files[0].name, bytes: files[0].blob.size, sha256: digest }),
            reading,
          };
        } else {
          const loaded = await loadFiles(files, { ...options, onProgress: throttled });
          const digests = await Promise.all(loaded.blobs.map((b) => sha256(b)));
          next = { loaded, summary: null, overview: overview(loaded, inputSection(loaded, digests)), reading };
        }
        data = next;
        cache.clear();
        routingReference = 'majority';
        return { ok: true, overview: next.overview };
      } catch (error) {
        return loadFailure(error);
      }
    },

    /**
     * Reads run B of a comparison (`comparison`, the report's `comparison` section): files read as `load`
     * reads them, kept beside run A (the data `load` read) until cleared or read again.
     */
    async loadComparison(
      files: InputFile[],
      options: SessionLoadOptions = {},
      onProgress?: (p: LoadProgress) => void,
    ): Promise<LoadResultOf<{ overview: Overview }>> {
      const next = createSession();
      const result = await next.load(files, options, onProgress);
      if (!result.ok) return result;
      runB = { comparedRun: next.comparedRun, humanAnnotators: next.humanAnnotators, pairs: next.pairs };
      runBReads++;
      split = null;
      return result;
    },

    /**
     * Compares two values of a column of the data read (a batch, guideline version or week column of 50
     * values or fewer): the judgements holding the first value are run A, those holding the second run B
     * (`comparison`). Replaces any run B read from files.
     */
    splitComparison(by: RunSplit): Result<{ split: RunSplit }> {
      if (!data) return NO_DATA;
      if (!data.loaded) return { ok: false, message: `Compare: ${SUMMARY_ONLY}` };
      // the parts are checked here (cheap); their runs are computed when the comparison is asked for
      const parts = splitParts(data.loaded, by);
      if (typeof parts === 'string') return { ok: false, message: `Compare: ${parts}` };
      split = { column: by.column, a: by.a, b: by.b };
      runB = null;
      return { ok: true, split };
    },

    /** Forgets run B (or the split): the page and the report compare nothing. */
    clearComparison(): Result<{ cleared: boolean }> {
      const cleared = runB !== null || split !== null;
      runB = null;
      split = null;
      return { ok: true, cleared };
    },

    /** Run A (the data `load` read) against run B (`loadComparison`): null when no run B was read. */
    comparison(settings: SettingsInput = {}): Result<{ comparison: ComparisonSection | null }> {
      return comparison(resolveSettings(settings));
    },

    /**
     * Agreement over time: every banded coefficient per period of a batch column or of the timestamp by day or
     * week, with intervals, and where the band metric left the band it held (report \`drift\`).
     */
    drift(by: DriftPeriods, settings: SettingsInput = {}): Result<{ drift: DriftSection; elapsedMs: number }> {
      if (!data) return NO_DATA;
      const { loaded } = data;
      if (!loaded) return { ok: false, message: `Over time: ${SUMMARY_ONLY}` };
      const s = resolveSettings(settings);
      const t0 = performance.now();
      const r = loaded.ratings;
      const section = cache.get('drift', [by, s.removed, s.bootstrap, s.seed, s.bandMetric], () =>
        driftSection(r, by, {
          bootstrap: s.bootstrap,
          seed: s.seed,
          removed: annotatorCodes(r.annotators, s.removed),
          bandMetric: s.bandMetric,
        }),
      );
      if (typeof section === 'string') return { ok: false, message: `Over time: ${section}` };
      return { ok: true, drift: section, elapsedMs: performance.now() - t0 };
    },

    /** Every human annotator id of run A and of run B (AI judges left out): what pseudonymising replaces. */
    humanAnnotators(): Result<{ ids: string[] }> {
      if (!data) return NO_DATA;
      const r = data.loaded?.ratings;
      const ids = r
        ? r.annotators.filter((_, a) => r.annotatorKind[a] === HUMAN)
        : (data.summary?.annotators.map((a) => a.id) ?? []);
      // run B's own ids, read by its session (no annotator table computed for them)
      const b = runB?.humanAnnotators();
      return { ok: true, ids: [...new Set([...ids, ...(b?.ok ? b.ids : [])])] };
    },

    /** This session's judgements as a run of a comparison (in-process only: the ratings are large). */
    comparedRun(settings: SettingsInput = {}): Result<{ run: ComparedRun; name: string }> {
      return comparedRun(resolveSettings(settings));
    },

    /** The agreement section with the pair matrix; progress reports bootstrap resampling. */
    agreement(
      settings: SettingsInput = {},
      onProgress?: (done: number, total: number) => void,
    ): Result<AgreementResult> {
      return agreement(resolveSettings(settings), onProgress);
    },

    /** The rubric verdict, correlations and disagreement by dimension (report `rubric`; null with one dimension). */
    rubric(settings: SettingsInput = {}): Result<{ rubric: RubricSection | null; elapsedMs: number }> {
      return rubric(resolveSettings(settings));
    },

    /** The annotator table (report `annotators`, humans) and the AI judges scored by the same rules (`judges`). */
    annotators(
      settings: SettingsInput = {},
    ): Result<{ annotators: AnnotatorRow[]; judges: AnnotatorRow[]; elapsedMs: number }> {
      return annotators(resolveSettings(settings));
    },

    /** Final labels by every method (report `aggregation`) and what the page shows of them. */
    aggregation(
      settings: SettingsInput = {},
      onProgress?: (done: number, total: number, method: string) => void,
    ): Result<AggregationResult> {
      if (!data) return NO_DATA;
      const { loaded } = data;
      if (!loaded) return { ok: false, message: `Final labels: ${SUMMARY_ONLY}` };
      const s = resolveSettings(settings);
      const rows = annotatorRows(loaded, s);
      return { ok: true, ...aggregationView(loaded, aggregate(loaded, s, onProgress), rows) };
    },

    /** One pair as every method labels it (label and confidence), with its gold label and texts. */
    methodsOnPair(id: string, settings: SettingsInput = {}): Result<{ pair: Flip }> {
      if (!data) return NO_DATA;
      const { loaded } = data;
      if (!loaded) return { ok: false, message: `Final labels: ${SUMMARY_ONLY}` };
      const i = loaded.ratings.items.indexOf(id.trim());
      if (i < 0) return { ok: false, message: `no pair has the id "${id.trim()}"` };
      return { ok: true, pair: methodsOnItem(loaded, aggregate(loaded, resolveSettings(settings)), i) };
    },

    /**
     * AI judges against humans, the routing tables, position / length / swap bias, time, pair lint and model
     * ratings, without the removed annotators (position rows keep them, so the page can show why).
     */
    judges(settings: SettingsInput = {}): Result<JudgesView> {
      return judges(resolveSettings(settings));
    },

    /** The routing curve of one AI judge for the simulator's inputs (instant: the table is computed once). */
    routing(judge: string, inputs: RoutingInputs, settings: SettingsInput = {}): Result<RoutingView> {
      if (inputs.reference) routingReference = inputs.reference;
      const view = judges(resolveSettings(settings));
      if (!view.ok) return view;
      const entry = view.routing.judges.find((j) => j.id === judge);
      if (!entry?.table) return { ok: false, message: entry?.reason ?? `no AI judge "${judge}"` };
      return {
        ok: true,
        ...routingView(
          judge,
          view.routing.reference,
          entry.n,
          routingCurve(entry.table, inputs),
          entry.table.aiCorrect / Math.max(1, entry.table.n),
        ),
      };
    },

    /**
     * The whole `prefscope.report/v1` document for these settings (the audit command prints it, the page
     * downloads it): agreement with its bootstrap intervals, annotators, final labels, AI judges and bias,
     * the routing tables at the given simulator inputs. A summary file has no final labels, judges or bias (null).
     */
    report(
      settings: SettingsInput = {},
      inputs: Required<RoutingOptions> = ROUTING_DEFAULTS,
      labelInputs: NextLabelInputs = NEXT_LABEL_DEFAULTS,
    ): Result<{ report: Report }> {
      if (!data) return NO_DATA;
      const s = resolveSettings(settings);
      const { loaded, overview: read, reading } = data;
      const agreed = agreement(s);
      if (!agreed.ok) return agreed;
      const scored = annotators(s);
      if (!scored.ok) return scored;
      const rubricResult = rubric(s);
      if (!rubricResult.ok) return rubricResult;
      const nextLabel = loaded ? planners.nextLabel(s, labelInputs) : null;
      if (nextLabel && !nextLabel.ok) return nextLabel;
      const compared = comparison(s);
      if (!compared.ok) return compared;
      const report = buildReport(
        read.input,
        read.fileInfos,
        { ...s, ...reading, nextLabel: { from: labelInputs.from, price_per_label: labelInputs.pricePerLabel } },
        {
          agreement: agreed.agreement,
          annotators: scored.annotators,
          // a summary file has no judgements to aggregate: the section is null, as the schema allows
          aggregation: loaded ? aggregate(loaded, s).section : null,
          ...judgesReport(s, inputs),
          rubric: rubricResult.rubric,
          next_label: nextLabel ? nextLabel.section : null,
          comparison: compared.comparison,
        },
      );
      return { ok: true, report };
    },

    ...planners,

    /** A file to download: final labels, the TRL preference file, or the annotations less removed annotators. */
    exportFile(
      kind: ExportKind,
      settings: SettingsInput = {},
      { method: asked, minConfidence = 0 }: { method?: MethodSetting; minConfidence?: number } = {},
    ): Result<{ name: string; text: string; type: string; note: string }> {
      if (!data) return NO_DATA;
      const { loaded } = data;
      if (!loaded) return { ok: false, message: `Export: ${SUMMARY_ONLY}` };
      const s = resolveSettings(settings);
      const r = loaded.ratings;
      if (kind === 'annotations') {
        const removed = new Set(annotatorCodes(r.annotators, s.removed));
        return {
          ok: true,
          name: 'annotations.csv',
          text: annotationsCsv(loaded, removed),
          type: 'text/csv',
          note: `without ${removed.size} removed annotator${removed.size === 1 ? '' : 's'}`,
        };
      }
      // the labels of the method asked for; `auto` (or nothing asked) is the one the aggregation resolved
      const detail = aggregate(loaded, s);
      const method: Method = !asked || asked === 'auto' ? detail.section.method : asked;
      const labels = detail.labels[method];
      if (!labels) {
        const why = detail.section.methods.find((m) => m.id === method)?.unavailable;
        return { ok: false, message: `${METHOD_NAMES[method]} cannot run on this data: ${why}` };
      }
      if (kind === 'labels-csv')
        return {
          ok: true,
          name: `final-labels-${method}.csv`,
          text: finalLabelsCsv(r, labels),
          type: 'text/csv',
          note: '',
        };
      if (kind === 'labels-jsonl')
        return {
          ok: true,
          name: `final-labels-${method}.jsonl`,
          text: finalLabelsJsonl(r, labels),
          type: 'application/x-ndjson',
          note: '',
        };
      if (r.scale === 'nominal')
        return {
          ok: false,
          message: 'a preference file needs preference labels (A / tie / B), not nominal categories',
        };
      const trl = trlJsonl(loaded, labels, { minConfidence });
      if (trl.kept === 0 && trl.noText > 0)
        return {
          ok: false,
          message:
            'the data has no response texts (response_a / response_b columns), so there is nothing to put in chosen / rejected',
        };
      return {
        ok: true,
        name: `preferences-${method}.jsonl`,
        text: trl.text,
        type: 'application/x-ndjson',
        note: `${trl.kept} pairs; left out: ${trl.ties} ties, ${trl.lowConfidence} below confidence ${minConfidence}, ${trl.noText} without both responses`,
      };
    },

    /** Items two annotators labelled differently, with their texts. */
    disagreements(a: string, b: string, limit = 200): Result<{ total: number; shared: number; items: Disagreement[] }> {
      if (!data?.loaded) return { ok: true, total: 0, shared: 0, items: [] };
      return { ok: true, ...disagreements(data.loaded.ratings, data.loaded.texts, a, b, limit) };
    },

    /** Texts and judgements of items by id (the lists of the Judges & bias panel), unknown ids left out. */
    pairs(ids: string[]): Result<{ pairs: PairPreview[] }> {
      const loaded = data?.loaded;
      return { ok: true, pairs: loaded ? previewsOf(loaded, ids) : [] };
    },

    /** Pairs of a comparison as each run has them: texts and judgements of run A, and of run B. */
    comparedPairs(ids: string[]): Result<{ a: PairPreview[]; b: PairPreview[] }> {
      const loaded = data?.loaded;
      if (!loaded) return { ok: true, a: [], b: [] };
      if (split) {
        const parts = splitParts(loaded, split);
        if (typeof parts === 'string') return { ok: false, message: parts };
        return { ok: true, a: previewsOf(parts[0], ids), b: previewsOf(parts[1], ids) };
      }
      const b = runB?.pairs(ids);
      return { ok: true, a: previewsOf(loaded, ids), b: b?.ok ? b.pairs : [] };
    },
  });
}

/** The session's API: the worker exposes it, the page's client and the tests' in-process client are typed by it. */
export type AnalysisSession = ReturnType<typeof createSession>;

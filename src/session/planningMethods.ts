import { approachCosts, type Approach } from '../core/approachCosts';
import { costComparison } from '../core/costComparison';
import { HUMAN } from '../core/types';
import type { LoadResult } from '../parse/loadFiles';
import type { AggregationDetail } from '../sections/aggregationSection';
import { goldPlan, goldPlanProblems, type GoldPlan, type GoldPlanOptions } from '../planning/goldPlan';
import { nextBatch, type NextBatch } from '../planning/nextBatch';
import { nextBatchCsv, nextLabelCsv } from '../render/batchCsv';
import { nextLabelRanking, nextLabelSection, type NextLabelSection } from '../sections/nextLabelSection';
import { APPROACH_TARGETS, COMPARISON_SCALES, type ScalingScenario } from '../planning/planDefaults';
import { subsampleCurve, type SubsampleCurve } from '../planning/subsampleCurve';
import type { Summary } from '../summary/types';
import { annotatorCodes } from './annotatorCodes';
import type { Result } from './guarded';
import {
  NEXT_LABEL_DEFAULTS,
  resolveSettings,
  type NextLabelInputs,
  type Settings,
  type SettingsInput,
} from './settings';

/** What a summary file cannot answer (the session's planners say so). */
export const SUMMARY_ONLY =
  'this needs the judgements themselves; a summary file holds only their counts (open the raw file, or a sample of it)';

/** The session's data the planners read: the loaded judgements (or a summary) and the cached final labels. */
export interface PlanningData {
  loaded(): LoadResult | null;
  summary(): Summary | null;
  aggregate(settings: Settings): AggregationDetail;
}

/** The Planning panel's questions (part of the session behind the worker): plain, cloneable results; errors as data. */
export function planningMethods(data: PlanningData) {
  return {
    /** The closed-form cost planners for the planning inputs (no data needed). */
    costPlan(inputs: {
      scenarios: ScalingScenario[];
      prices: Record<string, number>;
      approaches: Approach[];
      approachTarget: number;
    }): Result<CostPlan> {
      return {
        ok: true,
        scaling: inputs.scenarios.map((sc) => ({ ...sc, total_cost: sc.pairs * sc.price_per_pair })),
        comparison: costComparison(inputs.prices, COMPARISON_SCALES),
        approaches: approachCosts(inputs.approaches, inputs.approachTarget),
        targets: APPROACH_TARGETS.map((target) => ({ target, approaches: approachCosts(inputs.approaches, target) })),
      };
    },

    /** The gold-rate planner (exact and simulated), or the first unusable input in words. */
    goldPlan(options: GoldPlanOptions): Result<{ plan: GoldPlan }> {
      const problems = goldPlanProblems(options);
      if (problems.length) return { ok: false, message: problems.map((p) => p.message).join('; ') };
      return { ok: true, plan: goldPlan(options) };
    },

    /** Labels per item from this data: agreement and gold accuracy when k labels per pair are drawn. */
    subsample(
      settings: SettingsInput,
      inputs: { maxK: number; repeats: number; pricePerLabel: number },
    ): Result<{ curve: SubsampleCurve }> {
      const s = resolveSettings(settings);
      if (data.summary()) return { ok: false, message: `Labels per item: ${SUMMARY_ONLY}` };
      const loaded = data.loaded();
      if (!loaded) return { ok: false, message: 'no data loaded' };
      return {
        ok: true,
        curve: subsampleCurve(loaded, {
          ...inputs,
          seed: s.seed,
          removed: annotatorCodes(loaded.ratings.annotators, s.removed),
        }),
      };
    },

    /** The pairs to label next (uncertainty, diversity or a mix), and the batch as CSV for download. */
    nextBatch(
      settings: SettingsInput,
      inputs: { size: number; weightUncertainty: number },
    ): Result<{ batch: NextBatch; csv: string }> {
      if (data.summary()) return { ok: false, message: `What to label next: ${SUMMARY_ONLY}` };
      const loaded = data.loaded();
      if (!loaded) return { ok: false, message: 'no data loaded' };
      const batch = nextBatch(loaded, { ...inputs, seed: resolveSettings(settings).seed });
      return { ok: true, batch, csv: nextBatchCsv(batch, loaded) };
    },

    /**
     * The value of one more label per pair (report `next_label`): expected information gain under the
     * Dawid-Skene fit of the Final labels panel, the ranking, the budget curve, and the first `batch` as CSV.
     */
    nextLabel(
      settings: SettingsInput,
      inputs: NextLabelInputs = NEXT_LABEL_DEFAULTS,
    ): Result<{ section: NextLabelSection; csv: string; annotators: string[] }> {
      if (data.summary()) return { ok: false, message: `Value of the next label: ${SUMMARY_ONLY}` };
      const loaded = data.loaded();
      if (!loaded) return { ok: false, message: 'no data loaded' };
      const r = loaded.ratings;
      const s = resolveSettings(settings);
      const removed = annotatorCodes(r.annotators, s.removed);
      const from = inputs.from === 'typical' ? null : inputs.from;
      const detail = data.aggregate(s);
      const ranked = nextLabelRanking(r, detail, { removed, from });
      const section = nextLabelSection(r, detail, { removed, from, pricePerLabel: inputs.pricePerLabel, ranked });
      const csv = nextLabelCsv(r, loaded.texts, ranked, inputs.batch, inputs.pricePerLabel);
      const gone = new Set(removed);
      const annotators = r.annotators.filter((_, a) => r.annotatorKind[a] === HUMAN && !gone.has(a));
      return { ok: true, section, csv, annotators };
    },
  };
}

/** The cost planners' tables. */
export interface CostPlan {
  scaling: (ScalingScenario & { total_cost: number })[];
  comparison: ReturnType<typeof costComparison>;
  approaches: ReturnType<typeof approachCosts>;
  targets: { target: number; approaches: ReturnType<typeof approachCosts> }[];
}

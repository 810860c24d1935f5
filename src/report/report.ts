import type { FileInfo } from '../parse/loadFiles';
import type { AgreementSection } from '../sections/agreementSection';
import type { AggregationSection, MethodSetting } from '../sections/aggregationSection';
import type { AnnotatorRow } from '../sections/annotatorsSection';
import type { ComparisonSection } from '../sections/comparisonSection';
import type { DriftSection } from '../sections/driftSection';
import type { ScoreWeights } from '../core/annotatorScores';
import { effectiveLabelMap, type InputSection } from '../sections/inputSection';
import type { AiJudgeReport, BiasReport } from '../sections/judgesReport';
import type { NextLabelSection } from '../sections/nextLabelSection';
import type { RubricSection } from '../sections/rubricSection';
import pkg from '../../package.json' with { type: 'json' };

export const SCHEMA_ID = 'prefscope.report/v1';

/** The settings that change a number (`settings` in the report schema), as far as they exist so far. */
export interface ReportSettings {
  scale: string;
  /** raw value → the label (or category) it was read as: the reading used, stated or guessed */
  label_map: Record<string, string> | null;
  /** label conventions stated per file name (`*`: every file), or null */
  labels_are: Record<string, string> | null;
  /** `file`: item ids scoped by file (the same id in two files is two pairs) */
  item_scope: 'shared' | 'file';
  removed_annotators: string[];
  band_metric: string;
  bootstrap: number;
  seed: number;
  min_shared_items: number;
  weights: ScoreWeights;
  aggregation_method: MethodSetting;
  /** the rubric weights used (null without a rubric) */
  rubric_weights: Record<string, number> | null;
  /** the model-family rules of the judges' self-preference (null: the defaults) */
  families: Record<string, string> | null;
  /** who the next label is from ('typical' or an annotator id) and its price */
  next_label: { from: string; price_per_label: number };
  columns: { file: string; format: string; mapping: Record<string, unknown> }[];
}

export interface Report {
  schema: typeof SCHEMA_ID;
  generator: string;
  settings: ReportSettings;
  input: InputSection;
  agreement: AgreementSection | null;
  annotators: Omit<AnnotatorRow, 'label_counts' | 'replay' | 'removed'>[];
  aggregation: AggregationSection | null;
  ai_judge: AiJudgeReport | null;
  bias: BiasReport | null;
  rubric: RubricSection | null;
  next_label: NextLabelSection | null;
  /** run A (this report's data) against run B, present only when a run B was given */
  comparison?: ComparisonSection;
  /** agreement over time (a batch column, or the timestamp by day or week), present only when asked for */
  drift?: DriftSection;
}

export interface ReportSettingsInput {
  weights: ScoreWeights;
  method: MethodSetting;
  labelMap: Record<string, string> | null;
  labelsAre?: Record<string, string> | null;
  itemScope?: 'shared' | 'file';
  removed: string[];
  bandMetric: string;
  bootstrap: number;
  seed: number;
  minShared: number;
  families?: Record<string, string> | null;
  nextLabel: { from: string; price_per_label: number };
}

/** The audit report document: the same numbers the page shows, from the same code. */
export function buildReport(
  input: InputSection,
  fileInfos: FileInfo[],
  settings: ReportSettingsInput,
  sections: {
    agreement: AgreementSection | null;
    annotators: AnnotatorRow[];
    aggregation: AggregationSection | null;
    ai_judge: AiJudgeReport | null;
    bias: BiasReport | null;
    rubric: RubricSection | null;
    next_label: NextLabelSection | null;
    comparison?: ComparisonSection | null;
  },
): Report {
  return {
    schema: SCHEMA_ID,
    generator: `prefscope ${pkg.version}`,
    settings: {
      scale: input.scale,
      label_map: settings.labelMap ?? effectiveLabelMap(input.label_readings ?? []),
      labels_are: settings.labelsAre ?? null,
      item_scope: settings.itemScope ?? 'shared',
      removed_annotators: settings.removed,
      band_metric: settings.bandMetric,
      bootstrap: settings.bootstrap,
      seed: settings.seed,
      min_shared_items: settings.minShared,
      weights: settings.weights,
      aggregation_method: settings.method,
      rubric_weights: sections.rubric?.weights ?? null,
      families: settings.families ?? null,
      next_label: settings.nextLabel,
      columns: fileInfos.map((f) => ({ file: f.name, format: f.adapter, mapping: snakeCase(f.mapping) })),
    },
    input,
    agreement: sections.agreement,
    // the report lists the annotators scored (removed ones are in settings.removed_annotators)
    annotators: sections.annotators
      .filter((a) => !a.removed)
      .map(({ label_counts: _c, replay: _r, removed: _d, ...row }) => row),
    aggregation: sections.aggregation,
    ai_judge: sections.ai_judge,
    bias: sections.bias,
    rubric: sections.rubric,
    next_label: sections.next_label,
    ...(sections.comparison ? { comparison: sections.comparison } : {}),
  };
}

/** Report fields are snake_case: `goldLabel` → `gold_label`. */
function snakeCase(object: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
  );
}

import { SINGLE_ANNOTATOR } from '../encoder';
import {
  contentId,
  detection,
  keysFound,
  numeric,
  present,
  text,
  type Adapter,
  type AdapterContext,
  type SourceRecord,
} from './adapter';
import { isJudgementTable } from './resolvedPairs';

/** Fields that identify the format (the more found, the more specific the match). */
const FIELDS = [
  'instruction',
  'input',
  'output_1',
  'output_2',
  'preference',
  'annotator',
  'annotator_index',
  'generator_1',
  'generator_2',
  'generator',
  'dataset',
  'datasplit',
  'price_per_example',
  'time_per_example',
  'raw_completion',
] as const;
const REQUIRED = ['instruction', 'output_1', 'output_2', 'preference'] as const;
/** Fields passed through as slices (few values) or attributes. */
const PASS_THROUGH = ['dataset', 'datasplit', 'generator', 'price_per_example'] as const;
/** An `annotator` value naming human annotators rather than an automatic evaluator. */
const HUMAN_EVALUATOR = /^humans?$/i;

/**
 * The label of a `preference` value: 1 → `A>`, 2 → `B>`, 1.5 or 0 (AlpacaEval's legacy draw) → `=`;
 * fractional values of weighted judges by side (below 1.5 → `A>`, above → `B>`). Null for anything else.
 */
export function preferenceLabel(p: number): string | null {
  if (p === 0 || p === 1.5) return '=';
  if (p >= 1 && p < 1.5) return 'A>';
  if (p > 1.5 && p <= 2) return 'B>';
  return null;
}

/**
 * Who made the judgement: an `annotator` text is an AlpacaEval evaluator configuration (an AI judge, except
 * `humans`); `annotator_index` (or the integer `annotator` of older AlpacaFarm releases) numbers the human
 * annotations of a pair; neither: one label per pair, the synthetic annotator `(single)`.
 */
function annotatorOf(record: SourceRecord): { annotator: string; kind: 'human' | 'ai' } {
  const name = text(record.annotator);
  const numbered = Number.isInteger(numeric(record.annotator));
  if (name !== '' && !numbered) return { annotator: name, kind: HUMAN_EVALUATOR.test(name) ? 'human' : 'ai' };
  const index = present(record.annotator_index) ? text(record.annotator_index) : name;
  if (index !== '') return { annotator: `human_${index}`, kind: 'human' };
  return { annotator: SINGLE_ANNOTATOR, kind: 'human' };
}

/** The documented pass-through fields the record has. */
function passThrough(record: SourceRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of PASS_THROUGH) if (present(record[k])) out[k] = record[k];
  return out;
}

/** Reports the first required text field the record lacks; true when all are there (an empty text is a text). */
function hasTexts(record: SourceRecord, ctx: AdapterContext): boolean {
  for (const field of ['instruction', 'output_1', 'output_2']) {
    if (record[field] === undefined || record[field] === null) {
      ctx.problem(field, `no \`${field}\`; the record is skipped`);
      return false;
    }
  }
  return true;
}

/**
 * AlpacaFarm / AlpacaEval pairwise annotations (JSON list of records, also JSONL / CSV / Parquet):
 * AlpacaFarm's human (cross-)annotations (`alpaca_farm_human_crossannotations.json`,
 * `alpaca_farm_human_annotations.json`, `alpaca_human_preference.json`: `instruction`, `input`, `output_1`,
 * `output_2`, `preference`, `annotator_index`, `dataset`, `datasplit`, `generator`) and AlpacaEval's
 * `annotations.json` (`instruction`, `output_1`, `output_2`, `generator_1`, `generator_2`, `dataset`,
 * `datasplit`, `annotator`, `preference`, `price_per_example`, `time_per_example`, `raw_completion`).
 * Each record is one judgement: item = `contentId(instruction, input, output_1, output_2)` (so the four
 * human annotations of a cross-annotated pair are one item); annotator from `annotatorOf`; label from
 * `preferenceLabel`; prompt = instruction (and input after a blank line); A = output_1, B = output_2;
 * models = generator_1 / generator_2; `time_per_example` → time_seconds; `dataset`, `datasplit`,
 * `generator`, `price_per_example` pass through; `raw_completion` is ignored. A record with no preference
 * (a failed annotation) or one outside those values is skipped with an issue on `preference`.
 */
export const alpacaEval: Adapter = {
  id: 'alpaca-eval',
  contentIds: true,
  title: 'AlpacaEval / AlpacaFarm annotation file',
  required: REQUIRED,
  notes: [
    'Each record is one judgement; records with the same instruction, input and outputs are the same pair.',
    'preference 1 = output_1 (A) better, 2 = output_2 (B) better, 1.5 or 0 = tie; fractional values of weighted judges count by side (below 1.5 A, above B). A record with no preference (a failed annotation) is skipped.',
    'An `annotator` names an AlpacaEval evaluator configuration: an AI judge (never in human agreement), except "humans".',
    '`annotator_index` numbers the human annotations of a pair (human_0 … human_3): the files do not say that an index is the same person on every pair, so per-annotator figures compare annotation slots, not people. Pooled agreement (Fleiss, Krippendorff) does not depend on this.',
    'A file with neither field has one label per pair: the synthetic annotator (single), no agreement.',
  ],
  detect(records) {
    const has = (k: string) => records.some((r) => Object.hasOwn(r, k));
    if (!has('output_1') || !has('output_2') || isJudgementTable(records)) return null;
    return detection(records, keysFound(records, FIELDS), REQUIRED);
  },
  read(record, ctx) {
    if (!hasTexts(record, ctx)) return;
    const p = numeric(record.preference);
    if (p === undefined) {
      ctx.problem('preference', 'no preference (a failed annotation); the record is skipped');
      return;
    }
    const label = preferenceLabel(p);
    if (label === null) {
      ctx.problem(
        'preference',
        `preference ${p} is not 1, 2, 1.5, 0 or a value between 1 and 2; the record is skipped`,
      );
      return;
    }
    const instruction = text(record.instruction);
    const input = text(record.input);
    const a = text(record.output_1);
    const b = text(record.output_2);
    const time = numeric(record.time_per_example);
    const modelA = text(record.generator_1);
    const modelB = text(record.generator_2);
    ctx.emit(
      {
        item: contentId(instruction, input, a, b),
        ...annotatorOf(record),
        label,
        prompt: input === '' ? instruction : `${instruction}\n\n${input}`,
        response_a: a,
        response_b: b,
        ...(modelA && { model_a: modelA }),
        ...(modelB && { model_b: modelB }),
        ...(time !== undefined && { time_seconds: time }),
      },
      passThrough(record),
    );
  },
};

import {
  contentId,
  detection,
  keysFound,
  nested,
  numeric,
  text,
  type Adapter,
  type AdapterContext,
  type SourceRecord,
} from './adapter';
import { swappedJudge } from './judgeOrders';

const REQUIRED = ['input', 'output_1', 'output_2', 'results'] as const;
const FIELDS = [...REQUIRED, 'label'] as const;

/** A winner `"1"` / `"2"` (or the numbers) as the side it names, else null. */
function side(v: unknown): 'A>' | 'B>' | null {
  const t = text(v);
  return t === '1' ? 'A>' : t === '2' ? 'B>' : null;
}

/**
 * LLMBar evaluator results (princeton-nlp/LLMBar, `Dataset/<set>/evaluators/<model>/<method>/result.json`): the
 * dataset's records `{input, output_1, output_2, label}` with `results`, whose last entry holds the judge's
 * winner in both orders: `"swap = False"` (output_1 shown first) and `"swap = True"` (output_2 shown first, its
 * winner already mapped back to the original outputs). Winners are `"1"` / `"2"`, or null when the output
 * could not be parsed.
 * - item: a content id of input and the two outputs (the same pair in every evaluator's file);
 * - annotators: the judge, named after the file (its folder: `GPT-4-Vanilla/result.json` → `GPT-4-Vanilla`), for
 *   `swap = False`, and the same name `(swapped)` for `swap = True`; AI judges with `shown_first` A and B;
 * - gold: `label` (1 = output_1, 2 = output_2), the verified better output.
 */
export const llmBar: Adapter = {
  id: 'llmbar',
  contentIds: true,
  title: 'LLMBar evaluator result file',
  required: REQUIRED,
  notes: [
    'Each record is one pair with a verified better output (the gold label) and one AI judge\'s winner in both orders; the judge is named after the file (its folder), its second order "(swapped)".',
    'A winner that could not be parsed (null) gives no judgement; the count is reported.',
  ],
  detect(records) {
    if (!records.some((r) => Array.isArray(nested(r.results)))) return null;
    return detection(records, keysFound(records, FIELDS), REQUIRED);
  },
  read(r: SourceRecord, ctx: AdapterContext) {
    const input = text(r.input);
    const a = text(r.output_1);
    const b = text(r.output_2);
    const item = contentId(input, a, b);
    const texts = { prompt: input, response_a: a, response_b: b };
    const label = numeric(r.label);
    const gold = label === 1 ? 'A>' : label === 2 ? 'B>' : null;
    if (r.label !== undefined && !gold) ctx.problem('label', `label "${text(r.label)}" is not 1 or 2; no gold label`);
    ctx.emit({ item, ...texts, ...(gold && { gold_label: gold }) });
    const results = nested(r.results);
    const last = Array.isArray(results) ? nested(results[results.length - 1]) : null;
    const final = last !== null && typeof last === 'object' && !Array.isArray(last) ? (last as SourceRecord) : null;
    if (!final) return ctx.problem('results', 'no final result with the two orders; the pair has no verdict');
    for (const [key, swapped] of [
      ['swap = False', false],
      ['swap = True', true],
    ] as const) {
      const game = nested(final[key]);
      const winner = game !== null && typeof game === 'object' ? (game as SourceRecord).winner : undefined;
      const verdict = side(winner);
      if (!verdict) {
        if (game === undefined) continue;
        ctx.problem(
          `results.${key}`,
          `winner ${winner === null || winner === undefined ? 'null' : `"${text(winner)}"`} is not 1 or 2; left out`,
        );
        ctx.note('winners that could not be parsed (null) were left out');
        continue;
      }
      ctx.emit({
        item,
        annotator: swapped ? swappedJudge(ctx.judgeName) : ctx.judgeName,
        kind: 'ai',
        label: verdict,
        shown_first: swapped ? 'B' : 'A',
        ...texts,
      });
    }
  },
};

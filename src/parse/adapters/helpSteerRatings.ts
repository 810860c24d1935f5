import { SINGLE_ANNOTATOR } from '../encoder';
import { contentId, keysFound, nested, numeric, text, type Adapter, type AdapterContext } from './adapter';

/** The five HelpSteer attributes, each scored 0–4 per response. */
export const HELPSTEER_ATTRIBUTES = ['helpfulness', 'correctness', 'coherence', 'complexity', 'verbosity'] as const;

/** The label of a 0–4 score: a word, so that the load reads the scores as ordered categories, never as preferences. */
export function scoreLabel(v: unknown): string | null {
  const n = numeric(v);
  return n !== undefined && Number.isInteger(n) && n >= 0 && n <= 4 ? `score ${n}` : null;
}

/**
 * NVIDIA HelpSteer2 per-response ratings (huggingface.co/datasets/nvidia/HelpSteer2): `prompt`, `response` and the
 * attributes `helpfulness`, `correctness`, `coherence`, `complexity`, `verbosity`, each a 0–4 score — a list of
 * every annotator's scores in `disagreements/disagreements.jsonl.gz`, one (aggregated) number in the train and
 * validation files.
 *
 * Item: the response (a content id of prompt and response); dimension: the attribute; annotator: the position in
 * the list (`annotator 1`, …; a plain number is `(single)`); label: `score 0` … `score 4`, read as ordered
 * categories, so the per-attribute agreement (Krippendorff's ordinal and interval alpha in particular) is the
 * agreement on the scores themselves.
 */
export const helpSteerRatings: Adapter = {
  id: 'helpsteer-ratings',
  contentIds: true,
  title: 'HelpSteer2 ratings file',
  required: ['prompt', 'response', 'helpfulness'],
  notes: [
    'Each record rates one response, not a pair: items are responses, and each attribute (helpfulness, correctness, coherence, complexity, verbosity) is its own dimension, scored 0–4.',
    "Scores are read as ordered categories (score 0 … score 4): Krippendorff's ordinal and interval alpha per attribute are the readings to use; preference views (sides, ties, final A/B labels) do not apply.",
    'Annotators are anonymous and named by position in each list (`annotator 1`, …): positions are not people, so per-annotator figures describe positions.',
  ],
  detect(records) {
    const attributes = keysFound(records, HELPSTEER_ATTRIBUTES);
    const pairs = keysFound(records, ['response_1', 'response_2', 'response1', 'response2']);
    if (attributes.length < 3 || pairs.length > 0) return null;
    const found = new Set(keysFound(records, this.required));
    return {
      matched: keysFound(records, ['prompt', 'response', ...HELPSTEER_ATTRIBUTES]),
      missing: this.required.filter((k) => !found.has(k)),
    };
  },
  read(record, ctx: AdapterContext) {
    const prompt = text(record.prompt);
    const response = text(record.response);
    if (prompt === '' || response === '') {
      ctx.problem(
        prompt === '' ? 'prompt' : 'response',
        `no ${prompt === '' ? 'prompt' : 'response'}; the record is skipped`,
      );
      return;
    }
    const item = contentId(prompt, response);
    const texts = { prompt, response_a: response };
    for (const attribute of HELPSTEER_ATTRIBUTES) {
      if (!Object.hasOwn(record, attribute)) continue;
      const value = nested(record[attribute]);
      const scores = Array.isArray(value) ? value : [value];
      scores.forEach((score, i) => {
        if (score === null || score === undefined || score === '') return;
        const label = scoreLabel(score);
        const field = Array.isArray(value) ? `${attribute}[${i}]` : attribute;
        if (label === null) ctx.problem(field, `"${text(score)}" is not a 0–4 score; it is skipped`);
        else
          ctx.emit({
            item,
            annotator: Array.isArray(value) ? `annotator ${i + 1}` : SINGLE_ANNOTATOR,
            label,
            dimension: attribute,
            ...texts,
          });
      });
    }
  },
};

/** The role a column plays in the canonical judgement (`docs/report-schema.md`, "The canonical judgement"). */
export const ROLES = [
  'item',
  'annotator',
  'label',
  'time',
  'timestamp',
  'isGold',
  'goldLabel',
  'prompt',
  'responseA',
  'responseB',
  'modelA',
  'modelB',
  'shownFirst',
  'aiLabel',
  'aiLabelSwapped',
  'aiLabelSwappedShown',
  'aiConfidence',
  'scoreA',
  'scoreB',
  'dimension',
  'kind',
  'embedding',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Which column plays each role (null: none). `wide` lists the annotator columns of a wide file; `rubric` the
 * label columns of a long file that each hold one rubric dimension, named by the column's header.
 */
export type ColumnMapping = { [R in Role]: string | null } & {
  shape: 'long' | 'wide';
  wide: string[];
  rubric: string[];
  /** columns the user does not want as slices or attributes */
  ignored: string[];
  /** wide files: cell values that mean "no label" besides an empty cell (a matrix's `-1` or `0`) */
  missing?: string[];
};

export const ROLE_NAMES: Record<Role, string> = {
  item: 'item (pair) id',
  annotator: 'annotator id',
  label: 'label',
  time: 'seconds spent',
  timestamp: 'timestamp',
  isGold: 'gold flag',
  goldLabel: 'gold label',
  prompt: 'prompt',
  responseA: 'response A',
  responseB: 'response B',
  modelA: 'model A',
  modelB: 'model B',
  shownFirst: 'shown first',
  aiLabel: 'AI judge label',
  aiLabelSwapped: "AI judge label, other order (A = the file's A)",
  aiLabelSwappedShown: "AI judge label, other order as shown (A = the file's B)",
  aiConfidence: 'AI judge confidence',
  scoreA: 'reward score A',
  scoreB: 'reward score B',
  dimension: 'rubric dimension',
  kind: 'annotator kind (human / ai)',
  embedding: 'embedding (vector of numbers)',
};

/** Common spellings per role, most canonical first (compared after lower-casing and folding separators). */
const SPELLINGS: Record<Role, string[]> = {
  item: [
    'example_id',
    'pair_id',
    'item_id',
    'item',
    'question_id',
    'comparison_id',
    'task_id',
    'sample_id',
    'idx',
    'id',
    'uid',
    'task',
    'question',
    'pair',
  ],
  annotator: [
    'annotator_id',
    'annotator',
    'worker_id',
    'worker',
    'rater_id',
    'rater',
    'labeler_id',
    'labeler',
    'labeller',
    'user_id',
    'user',
    'coder',
    'judge',
    'annotator_index',
  ],
  label: [
    'label',
    'preference',
    'choice',
    'winner',
    'answer',
    'verdict',
    'pref',
    'judgement',
    'judgment',
    'rating',
    'response',
  ],
  time: [
    'time_seconds',
    'lead_time',
    'duration',
    'duration_seconds',
    'seconds',
    'time_spent',
    'time_s',
    'elapsed',
    'time_per_example',
    'time',
  ],
  timestamp: ['timestamp', 'tstamp', 'submitted_at', 'created_at', 'updated_at', 'datetime', 'date'],
  isGold: ['is_gold', 'gold', 'is_golden', 'golden', 'honeypot', 'is_honeypot'],
  goldLabel: ['gold_label', 'gold_answer', 'gold_preference', 'true_label', 'truth', 'ground_truth', 'expected_label'],
  prompt: ['prompt', 'instruction', 'question_text', 'query', 'input', 'context'],
  responseA: [
    'response_a',
    'output_1',
    'response_1',
    'completion_a',
    'answer_a',
    'text_a',
    'output_a',
    'response1',
    'output1',
    'completion_1',
    'completion1',
    'answer_1',
    'answer1',
  ],
  responseB: [
    'response_b',
    'output_2',
    'response_2',
    'completion_b',
    'answer_b',
    'text_b',
    'output_b',
    'response2',
    'output2',
    'completion_2',
    'completion2',
    'answer_2',
    'answer2',
  ],
  modelA: ['model_a', 'generator_1', 'model_1', 'system_a', 'model1', 'generator1'],
  modelB: ['model_b', 'generator_2', 'model_2', 'system_b', 'model2', 'generator2'],
  shownFirst: ['shown_first', 'first_shown', 'position'],
  aiLabel: [
    'ai_label',
    'judge_label',
    'llm_label',
    'ai_preference',
    'ai_judge',
    'llm_judge',
    'model_label',
    'prediction',
    'suggestion',
  ],
  // the same judge shown the pair with A and B exchanged, its verdict already in the file's sides (as FastChat's
  // g2_winner and LLMBar's `swap = True` winner); a verdict as shown (its A is the file's B) is chosen by hand
  aiLabelSwapped: [
    'ai_label_swapped',
    'judge_label_swapped',
    'llm_label_swapped',
    'ai_preference_swapped',
    'ai_label_reversed',
    'judge_label_reversed',
    'ai_label_swap',
    'judge_label_swap',
  ],
  aiLabelSwappedShown: [],
  aiConfidence: [
    'ai_confidence',
    'judge_confidence',
    'llm_confidence',
    'confidence',
    'suggestion_score',
    'prediction_score',
  ],
  scoreA: ['score_a', 'reward_a', 'rm_score_a', 'reward_score_a'],
  scoreB: ['score_b', 'reward_b', 'rm_score_b', 'reward_score_b'],
  dimension: ['dimension', 'criterion', 'aspect', 'rubric'],
  kind: ['annotator_kind', 'annotator_type', 'judge_kind', 'judge_type', 'rater_type', 'kind'],
  embedding: ['embedding', 'embeddings', 'pair_embedding', 'emb', 'vector'],
};

const WIDE_COLUMN = /^(annotator|rater|worker|judge|labell?er|coder|ann|human)[ _-]?\d+$/;

/** Rubric dimensions commonly labelled in their own column (folded names), optionally with a prefix or suffix. */
const RUBRIC_WORDS = [
  'helpfulness',
  'helpful',
  'correctness',
  'correct',
  'harmlessness',
  'harmless',
  'honesty',
  'honest',
  'conciseness',
  'concise',
  'verbosity',
  'coherence',
  'complexity',
  'safety',
  'factuality',
  'accuracy',
  'relevance',
  'instruction_following',
  'clarity',
  'fluency',
  'creativity',
  'depth',
  'style',
  'completeness',
  'truthfulness',
];
const RUBRIC_COLUMN = new RegExp(
  `^(?:(?:pref|preference|rubric|dim|dimension)_)?(?:${RUBRIC_WORDS.join('|')})(?:_(?:label|pref|preference|rating|score|choice|verdict|judgement|judgment))?$`,
);
/** A lone rubric-like column is more likely a slice or an attribute than a second label. */
const MIN_RUBRIC_COLUMNS = 2;

export function foldName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s.\-/]+/g, '_');
}

export function emptyMapping(): ColumnMapping {
  const m = { shape: 'long', wide: [], rubric: [], ignored: [] } as unknown as ColumnMapping;
  for (const r of ROLES) m[r] = null;
  return m;
}

/**
 * Guesses each column's role from its name. A file with no annotator or label column but two or more
 * columns named like annotators (`annotator1`, `rater_2`, …) is wide: one row per pair. In a long file, two or
 * more otherwise unused columns named like rubric dimensions (`helpfulness`, `correctness_label`, …) are
 * rubric label columns.
 */
export function guessMapping(header: string[]): ColumnMapping {
  const mapping = emptyMapping();
  const folded = header.map(foldName);
  const taken = new Set<number>();
  for (const role of ROLES) {
    for (const spelling of SPELLINGS[role]) {
      const i = folded.findIndex((f, j) => f === spelling && !taken.has(j));
      if (i >= 0) {
        mapping[role] = header[i];
        taken.add(i);
        break;
      }
    }
  }
  const wide = header.filter((h, i) => !taken.has(i) && WIDE_COLUMN.test(foldName(h)));
  if (wide.length >= 2 && (mapping.annotator === null || mapping.label === null)) {
    mapping.shape = 'wide';
    mapping.wide = wide;
    mapping.annotator = null;
    mapping.label = null;
    return mapping;
  }
  const rubric = header.filter((h, i) => !taken.has(i) && RUBRIC_COLUMN.test(foldName(h)));
  if (rubric.length >= MIN_RUBRIC_COLUMNS) mapping.rubric = rubric;
  return mapping;
}

/**
 * The rubric label columns a mapping reads: none in a wide file; in a long file the `rubric` columns that
 * play no other role (a column chosen as the label is not read twice).
 */
export function rubricColumns(mapping: ColumnMapping): string[] {
  if (mapping.shape === 'wide' || !mapping.rubric?.length) return [];
  const roles = new Set(ROLES.map((r) => mapping[r]));
  return mapping.rubric.filter((c) => !roles.has(c));
}

/** The mapping of an adapter's output (`adapters/adapter.ts`, CANONICAL_COLUMNS): fixed, by name. */
export function canonicalMapping(header: string[]): ColumnMapping {
  const m = emptyMapping();
  const names: [Role, string][] = [
    ['item', 'item'],
    ['annotator', 'annotator'],
    ['kind', 'annotator_kind'],
    ['label', 'label'],
    ['dimension', 'dimension'],
    ['time', 'time_seconds'],
    ['timestamp', 'timestamp'],
    ['goldLabel', 'gold_label'],
    ['prompt', 'prompt'],
    ['responseA', 'response_a'],
    ['responseB', 'response_b'],
    ['modelA', 'model_a'],
    ['modelB', 'model_b'],
    ['shownFirst', 'shown_first'],
    ['aiConfidence', 'ai_confidence'],
  ];
  for (const [role, name] of names) if (header.includes(name)) m[role] = name;
  return m;
}

/** Columns that play no role: candidates for slices (≤ 50 distinct values) or attributes. */
export function otherColumns(header: string[], mapping: ColumnMapping): string[] {
  const used = new Set<string>([...mapping.wide, ...rubricColumns(mapping)]);
  for (const r of ROLES) if (mapping[r] !== null) used.add(mapping[r]!);
  for (const c of mapping.ignored) used.add(c);
  return header.filter((h) => !used.has(h));
}

/** What a mapping lacks to give judgements, in words; empty when it is usable. */
export function mappingProblems(mapping: ColumnMapping, hasJudgementFile: boolean): string[] {
  if (mapping.shape === 'wide') {
    const p: string[] = [];
    if (mapping.item === null) p.push('no item id column (for example `example_id`)');
    if (mapping.wide.length === 0) p.push('no annotator columns chosen for the wide layout');
    return p;
  }
  const p: string[] = [];
  if (mapping.item === null) p.push('no item id column (for example `example_id`, `pair_id`, `question_id`)');
  const joinable = hasJudgementFile && mapping.item !== null;
  const labelled = mapping.label !== null || rubricColumns(mapping).length > 0;
  if (mapping.annotator === null && !joinable && labelled) return p; // single-annotator file
  if (!labelled && !joinable)
    p.push('no label column (for example `label`, `preference`, `winner`, or rubric label columns)');
  return p;
}

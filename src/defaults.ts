// Every default a user can change, in one place. The page (whose links leave defaults out), the audit and plan
// commands and the session read these; kernels keep only their algorithms' own parameters. Plain values, no
// imports: every layer may read this module.

/** The settings that change a number (report `settings`), annotators by id. */
export const DEFAULT_SETTINGS = {
  /** annotators left out of every number */
  removed: [] as string[],
  /** bootstrap resamples of the confidence intervals (0: none) */
  bootstrap: 1000,
  seed: 1,
  /** the coefficient read against the interpretation bands */
  bandMetric: 'fleiss_kappa',
  /** the fewest shared items an annotator pair needs for its Cohen's kappa */
  minShared: 10,
  /** weights of the annotator composite: gold accuracy, majority agreement, speed */
  weights: { gold: 0.4, majority: 0.3, speed: 0.3 },
  /** how final labels are chosen: `auto` is Dawid-Skene when it converges, else majority vote */
  method: 'auto' as const,
  /** rubric weights by dimension name; null: DEFAULT_RUBRIC_WEIGHTS matched by name */
  rubricWeights: null as Record<string, number> | null,
  /** model families for self-preference, family → a case-insensitive pattern; null: DEFAULT_FAMILIES */
  families: null as Record<string, string> | null,
};

/**
 * Model families for a judge's self-preference: a judge or model name belongs to the first family whose pattern
 * (a case-insensitive regular expression) it contains. Base models count: vicuna and alpaca are llama fine-tunes.
 */
export const DEFAULT_FAMILIES: Readonly<Record<string, string>> = {
  openai: 'gpt|davinci|openai|chatgpt',
  anthropic: 'claude|anthropic',
  google: 'gemini|gemma|palm|bard',
  meta: 'llama|vicuna|alpaca|koala',
  mistral: 'mistral|mixtral',
  qwen: 'qwen',
  deepseek: 'deepseek',
};

/**
 * The annotator flag rules (README "Flags"): the gold rule applies from `minGold` gold answers and flags a
 * directional gold accuracy below `goldThreshold` (also replayed in real time); `low_reliability` below
 * `flagThreshold`; `too_fast` under `tooFast` seconds a label; the majority part from `minMajority` labels;
 * `spammer` from `spamMinLabels` labels when MACE's spamming probability is at least `spamProbability` and the
 * confusion-matrix spammer score at most `spammerScore` (0.25 = (α + β − 1)² of a binary annotator right 3 times
 * in 4 on each side: well short of that is a matrix whose rows barely differ).
 */
export const FLAG_RULES = {
  minGold: 5,
  goldThreshold: 0.6,
  flagThreshold: 0.6,
  tooFast: 5,
  minMajority: 5,
  spamMinLabels: 20,
  spamProbability: 0.7,
  spammerScore: 0.25,
};

/**
 * When a table earns a warning (README "Warnings"): the prevalence note where percent agreement (strict) is at
 * least `prevalenceAgreement` and Fleiss' kappa or nominal alpha is `prevalenceGap` or more below it (then chance
 * agreement is at least 1/2, so one label holds half the labels or more); slice and dimension differences are
 * marked where their Benjamini-Hochberg adjusted p-value is below `falseDiscovery`.
 */
export const WARNING_RULES = { prevalenceAgreement: 0.7, prevalenceGap: 0.3, falseDiscovery: 0.05 };

/** Settings that only change how computed numbers are read, never a number: the page applies them without recomputing. */
export const DISPLAY_SETTINGS: readonly string[] = ['bandMetric'];

/** Rubric weights by dimension-name stem; other dimensions weigh 0, and equal weights apply when none matches. */
export const DEFAULT_RUBRIC_WEIGHTS: Readonly<Record<string, number>> = {
  helpfulness: 0.35,
  correctness: 0.3,
  harmlessness: 0.2,
  conciseness: 0.15,
};

/** The value of the next label: who labels ('typical' or an annotator id), the price of a label, the batch exported. */
export const DEFAULT_NEXT_LABEL = { from: 'typical', pricePerLabel: 0.3, batch: 100 };

/**
 * The hybrid-routing simulator. Prices per label in USD from the AlpacaEval evaluators leaderboard
 * (`planning/alpacaEvalEvaluators.ts`): an LLM judge ≈ $13 per 1,000 comparisons (gpt4_ranking), crowd humans
 * $300 per 1,000; the expert at three times a crowd label is an assumption. A tenth of the accepted AI labels
 * spot-checked; 90% accuracy as the target.
 */
export const DEFAULT_ROUTING = { spot: 0.1, priceAi: 0.013, priceHuman: 0.3, priceExpert: 0.9, target: 0.9 };

/** One paragraph of the report's method notes: what a number means, and where its definition comes from. */
export interface MethodNote {
  title: string;
  text: string;
  sources: string[];
}

/**
 * The definitions behind the report's numbers, condensed from the README ("Agreement", "Annotators and
 * final labels", "AI judges and bias": definitions) for readers of a report file who have no README.
 */
export const METHOD_NOTES: readonly MethodNote[] = [
  {
    title: 'Labels and scale',
    text: 'Labels are read onto the preference scale A>> (A much better), A>, = (tie), B>, B>> (B much better): 5-point when a strength label occurs, 3-way when a tie occurs, else binary; other values are nominal categories. When the same annotator labels the same pair twice, the last judgement counts. Every number uses the human judgements of the overall dimension, less removed annotators; AI judges are reported apart.',
    sources: [],
  },
  {
    title: 'Agreement coefficients',
    text: "Percent agreement pools the label pairs within each pair of responses (an item with m labels weighs m(m−1)/2): exact = the same label, direction = the same side (A / tie / B). Cohen's kappa is computed for every annotator pair sharing at least the minimum number of items, unweighted and with linear and quadratic weights on the category indices; the report gives their mean. Fleiss' kappa is Gwet's generalisation to a varying number of labels per item. Krippendorff's alpha uses the coincidence matrix: nominal, ordinal (rank metric on the marginals) and interval distances. Gwet's AC1 takes chance agreement as Σ π_k(1 − π_k)/(q − 1) over the q categories of the scale. The direction block repeats every coefficient on A / tie / B. A coefficient whose chance term is degenerate (every label identical) is undefined (—), with the reason, never 1.",
    sources: [
      'Cohen (1960, 1968)',
      'Fleiss (1971)',
      'Krippendorff (2011), Computing Krippendorff’s alpha-reliability',
      'Hayes & Krippendorff (2007)',
      'Gwet (2008, 2014), Handbook of Inter-Rater Reliability',
      'irrCAC, statsmodels, scikit-learn, NLTK, crowd-kit (reference values in the tests)',
    ],
  },
  {
    title: 'Intervals',
    text: 'Agreement intervals are 95% percentile bootstraps over items (seeded; the number of resamples and the seed are in the settings), drawn as multinomial counts of the distinct per-item count patterns, the same distribution as resampling items. Shares of a count (gold accuracy, a judge’s accuracy, calibration bins, fatigue) carry Wilson score intervals; position and length bias Clopper-Pearson intervals; model ratings a percentile bootstrap over pairs.',
    sources: ['Efron & Tibshirani (1993)', 'Wilson (1927); Newcombe (1998)', 'Clopper & Pearson (1934)'],
  },
  {
    title: 'Interpretation bands',
    text: '≥ 0.81 almost perfect agreement (ready for training); 0.61–0.81 substantial (acceptable with majority voting); 0.41–0.61 moderate (revise guidelines, add training examples); 0.21–0.41 fair (the task may be too subjective: simplify the rubric); below 0.21 slight (the task is broken: redesign). The verdict reads the band metric named in the settings; an interval reaching into the band below means the verdict is not yet certain.',
    sources: ['after Landis & Koch (1977)'],
  },
  {
    title: 'Annotators',
    text: 'Gold accuracy = matches on gold pairs ÷ gold pairs labelled, exact and by side (a tie matches only a tie), with a Wilson interval. Majority agreement (leave-one-out) = over the annotator’s labels on pairs with 2 or more other labels whose plurality is unique, the share equal to that plurality. Speed penalty = 1 from a mean of 5 s per label, else mean ÷ 5. Composite = the weighted mean of the parts present (gold from 5 gold answers, majority from 5 scored labels, speed when times exist), weights renormalised. Flags: low_gold_accuracy (5 or more gold answers, directional accuracy < 0.6), too_fast (mean < 5 s), low_reliability (composite < 0.6), position_bias (below).',
    sources: [],
  },
  {
    title: 'Final labels',
    text: 'Majority vote takes the plurality side (A / tie / B; a tie between sides gives =), then the plurality strength (a tie gives the milder label); nominal data ties to the lowest category. The reliability-weighted vote weighs each label by its annotator’s composite (0.5 without one); its gold accuracy is optimistic when the same gold pairs set the weights. Dawid-Skene (EM, one confusion matrix per annotator) starts from the vote shares, floors probabilities at 1e-12 and stops when no posterior moves by 1e-6 or after 100 passes, accelerated with SQUAREM. Gold accuracy of a method is by direction, on the gold pairs.',
    sources: ['Dawid & Skene (1979)', 'Varadhan & Roland (2008), SQUAREM', 'crowd-kit; Zheng et al. (2017) data sets'],
  },
  {
    title: 'AI judges',
    text: 'The human reference of a pair is the majority vote of its human labels. Against it each judge gets Cohen’s kappa on the scale’s categories, directional accuracy (same side, a tie matches only a tie; Wilson interval), decisive accuracy (pairs where neither the judge nor the majority says tie) and the confusion matrix (rows = judge); the same against gold and each annotator. Calibration: 10 equal-width confidence bins, mean confidence against agreement with the majority, and the expected calibration error Σ n_b/N · |accuracy_b − confidence_b|. Reliability: gold accuracy and majority agreement as the annotator table defines them (no leave-one-out: the judge is not in the majority).',
    sources: ['Cohen (1960)', 'Naeini, Cooper & Hauskrecht (2015); Guo et al. (2017): expected calibration error'],
  },
  {
    title: 'Hybrid routing',
    text: 'For each pair with the judge’s label and confidence: c = the AI is on the reference’s side, a = the share of the pair’s human labels on the AI’s side. A pair below the threshold t, or spot-checked above it (share s), gets a human label, and an expert (who is right) when the human disagrees with the AI: it ends right with probability (1 − a) + a·c and costs p_human + (1 − a)·p_expert; an unchecked pair is right iff c; every pair costs p_ai. Accuracy and cost per 1,000 pairs are exact sums, not simulations. Default prices: $0.013 per AI label and $0.30 per human label (AlpacaEval evaluators leaderboard: gpt4_ranking $13.66 and humans $300 per 1,000 comparisons), $0.90 per expert decision (three crowd labels, an assumption).',
    sources: ['AlpacaEval evaluators leaderboard (Dubois et al. 2023)'],
  },
  {
    title: 'Position, swap and length bias',
    text: 'Position bias: per annotator and judge, over decisive labels (A or B), the share choosing the side shown first (shown_first when the file has it, else A), with a Clopper-Pearson interval and the exact two-sided binomial test against 1/2 (R’s binom.test); flagged when n ≥ 20 and p < 0.05 / m, m = the annotators and judges with n ≥ 20 (Bonferroni). Swap consistency: pairs whose texts appear in both orders, labelled by the same annotator or judge; the share of mirrored verdicts. Length bias: among pairs whose lengths differ by more than 30 characters, the share of decisive labels choosing the longer response; and the share choosing A per bin of log2(length A / length B).',
    sources: [
      'Clopper & Pearson (1934)',
      'R binom.test',
      'Bonferroni correction',
      'Zheng et al. (2023), Judging LLM-as-a-judge (position and verbosity bias)',
    ],
  },
  {
    title: 'Time and fatigue',
    text: 'Type-7 quantiles (10th, 25th, 50th, 75th, 90th percentile) of seconds per label per annotator and pooled, and the labels under 5 s. Fatigue: each annotator’s labels in session order (timestamp, else file order), gold accuracy per position bucket pooled over annotators, and the first against the second half of each annotator’s own session.',
    sources: ['Hyndman & Fan (1996), type 7 (R’s default)'],
  },
  {
    title: 'Pair lint',
    text: 'Identical responses, empty responses, groups of pairs with the same texts (also with A and B swapped) and whether their majority labels contradict, and prompts that appear under two values of a slice column. Lists hold the first 200 item ids; counts are complete.',
    sources: [],
  },
  {
    title: 'Model ratings',
    text: 'Every human verdict between two named models is a comparison (a tie is half a win for each). Bradley-Terry strengths by the MM algorithm on the main group of models that beat each other both ways (a model that never loses or never wins has no finite rating, and says so), shown as 400·log10(strength) centred on 0 (400 points = 10 : 1 odds), with a percentile bootstrap over pairs. The matrix gives win rates with ties as half.',
    sources: ['Bradley & Terry (1952)', 'Hunter (2004), MM algorithms for generalized Bradley-Terry models'],
  },
];

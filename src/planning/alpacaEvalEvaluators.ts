/**
 * The AlpacaEval evaluators leaderboard: crowd humans and 17 LLM judges, each scored on the AlpacaFarm human
 * cross-annotation set (about 2.5K pairs with 4 human labels each). Figures as published in tatsu-lab/alpaca_eval
 * (Apache-2.0), `src/alpaca_eval/leaderboards/evaluators/evaluators_leaderboard.csv` at commit 02f2cce
 * (https://github.com/tatsu-lab/alpaca_eval/blob/02f2cced5809cb656a7ad0d2f34620ccbd8aaeb6/src/alpaca_eval/leaderboards/evaluators/evaluators_leaderboard.csv);
 * Dubois et al. (2023), "AlpacaFarm: A Simulation Framework for Methods that Learn from Human Feedback",
 * NeurIPS 2023. Carried over as values (its bias, variance, list-preference and parse-count columns are left out).
 */

/** A judge of the leaderboard, in the units the planners use. */
export interface EvaluatorRow {
  judge: string;
  human: boolean;
  /** agreement with the majority of the other human labels (leave-one-out), a share */
  agreement: number;
  /** USD per 1,000 comparisons; null where the leaderboard gives none (open models run locally) */
  price_per_1000: number | null;
  seconds_per_1000: number | null;
  /** probability of preferring the longer output */
  prefers_longer: number | null;
}

/** [judge, human agreement %, price $/1000, time s/1000, probability of preferring the longer output], as published. */
type Published = [string, number, number | null, number | null, number | null];

const PUBLISHED: Published[] = [
  ['aviary', 69.83024691358024, 12.90158564814815, 2033.3448245742288, 0.7235955056179775],
  ['gpt4_ranking', 69.1358024691358, 13.658703703703706, 1440.664237275, 0.6876404494382022],
  ['gpt4_b1', 67.01388888888889, 43.73407407407408, 2717.255217875, 0.6],
  ['gpt4', 66.62808641975309, 12.482731481481482, 1217.468883075, 0.651685393258427],
  ['claude_ranking', 66.55092592592592, 4.971184922839506, 213.19049055, 0.7415730337078652],
  ['alpaca_farm_greedy', 66.51234567901236, 15.420078703703703, 983.812433501389, 0.5865168539325842],
  ['gpt4_b5', 65.74074074074075, 14.375699074074078, 843.326550425, 0.5887640449438202],
  ['humans', 65.66358024691358, 300.0, 36800.00000000001, 0.6359550561797753],
  ['claude', 65.31635802469135, 14.368702499999998, 1416.67557146, 0.6247191011235955],
  ['text_davinci_003', 64.58333333333333, 8.760895061728394, 78.40781282499998, 0.6943820224719102],
  ['lmsys', 63.81172839506173, 13.94513888888889, 6320.72344634861, 0.7599067599067599],
  ['longest', 62.19135802469136, 0.0, 0.0, 1.0],
  ['alpaca_farm', 60.57098765432099, 11.923471695238096, 888.7462016696865, 0.5910112359550562],
  ['guanaco_33b', 59.72222222222222, null, 938.9713395248158, 0.672686230248307],
  ['chatgpt', 58.48765432098766, 0.8362842796446505, 311.81459167593664, 0.6022471910112359],
  ['cohere', 53.00925925925925, 2.5, 290.66285674764475, 0.5123595505617977],
  ['oasst_pythia_12b', 51.157407407407405, null, 230.159702675, 0.4876404494382022],
  ['stablelm_alpha_7b', 50.97503900156006, null, 156.50787888715132, 0.4861751152073733],
];

export const ALPACA_EVAL_EVALUATORS: EvaluatorRow[] = PUBLISHED.map(([judge, agreement, price, seconds, longer]) => ({
  judge,
  human: judge === 'humans',
  agreement: agreement / 100,
  price_per_1000: price,
  seconds_per_1000: seconds,
  prefers_longer: longer,
}));

// The public list of kernels (see src/core/README.md).
export * from './types';
export { rng, type Rng } from './rng';
export { judgementFilter } from './judgementFilter';
export { subsetRatings } from './subsetRatings';
export { labelCounts } from './labelCounts';
export { labelsPerItem } from './labelsPerItem';
export { labelsPerAnnotator } from './labelsPerAnnotator';
export { histogram } from './histogram';
export { directionalSides } from './directionalSides';
export { itemCounts, type ItemCounts } from './itemCounts';
export { countTable } from './countTable';
export { countPatterns } from './countPatterns';
export { agreementParts, type ChanceCorrected } from './agreementParts';
export { percentAgreement, type PercentAgreement } from './percentAgreement';
export { fleissKappa } from './fleissKappa';
export { gwetAc1 } from './gwetAc1';
export { krippendorffAlpha, type AlphaLevel, type KrippendorffAlpha } from './krippendorffAlpha';
export { cohenKappa, type CohenKappa } from './cohenKappa';
export { pairTables, type PairTables } from './pairTables';
export { kappasFromTables, type PairKappas } from './kappasFromTables';
export { cohenPairs, type CohenPairs } from './cohenPairs';
export { quantile7 } from './quantile7';
export { randomBinomial } from './randomBinomial';
export { bootstrapCi, type BootstrapCi, type BootstrapOptions } from './bootstrapCi';
export { interpretationBand, type InterpretationBand } from './interpretationBand';
export { clusterOrder } from './clusterOrder';
export { itemCountsOf } from './itemCountsOf';
export { wilsonInterval } from './wilsonInterval';
export { goldAccuracy, type GoldAccuracy } from './goldAccuracy';
export { majorityAgreement, type MajorityAgreement } from './majorityAgreement';
export { speedPenalty } from './speedPenalty';
export { timeStats, type TimeStats } from './timeStats';
export { timeQuantiles, type TimeQuantiles } from './timeQuantiles';
export {
  annotatorScores,
  type AnnotatorScores,
  type ScoreParts,
  type ScoreOptions,
  type ScoreWeights,
} from './annotatorScores';
export { goldReplay, type GoldReplay } from './goldReplay';
export { sessionOrder, type SessionOrder } from './sessionOrder';
export { fatigueCurve, type FatigueCurve } from './fatigueCurve';
export { voteWinner } from './voteWinner';
export { majorityVote, type MajorityVote } from './majorityVote';
export { dawidSkene, type DawidSkene } from './dawidSkene';
export { labelScale } from './labelScale';
export { routingTable, type RoutingTable } from './routingTable';
export { routingCurve, type RoutingCurve, type RoutingOptions, type RoutingPoint } from './routingCurve';
export { binomialTest, type BinomialTest } from './binomialTest';
export { positionBias, type PositionBias, type SideChoice } from './positionBias';
export { lengthBias, type LengthBias } from './lengthBias';
export { winMatrix, type WinMatrix } from './winMatrix';
export { bradleyTerry, type BradleyTerry, type BradleyTerryOptions } from './bradleyTerry';
export { costComparison } from './costComparison';
export { approachCosts, type Approach } from './approachCosts';
export { subsampleCounts, type SubsampleCounts, type SubsampleOptions } from './subsampleCounts';
export { kmeans, type KMeans, type KMeansOptions } from './kmeans';
export { goldCatch, type GoldCatch, type GoldCatchInput } from './goldCatch';
export { goldCatchSimulation, type GoldCatchSimulation } from './goldCatchSimulation';
export { labelValue, type LabelValue } from './labelValue';
export { spearman } from './spearman';
export { midranks } from './midranks';
export { pearson } from './pearson';
export { spearmanMatrix } from './spearmanMatrix';

import { RATING_MODEL_NAMES, type ModelsCompared } from '../sections/ratingModels';

/** AIC differences below this are no evidence for either model (Burnham & Anderson 2002, §2.6). */
export const AIC_CLOSE = 2;

/**
 * Which rating model fits the comparisons best by AIC, in words, from the same numbers as the fit table: the
 * best model, how far behind each other one is, and whether the gap means anything (under `AIC_CLOSE` it does
 * not). Null when fewer than two models have a likelihood.
 */
export function ratingFitSentence(compared: ModelsCompared): string | null {
  const fitted = compared.methods.filter((m) => m.aic !== null);
  if (fitted.length < 2) return null;
  const sorted = [...fitted].sort((x, y) => x.aic! - y.aic!);
  const [best, ...rest] = sorted;
  const behind = rest.map((m) => `${RATING_MODEL_NAMES[m.name]} +${(m.aic! - best.aic!).toFixed(1)}`).join(', ');
  const close = rest.filter((m) => m.aic! - best.aic! < AIC_CLOSE).length;
  const reading =
    close === rest.length
      ? `every gap is under ${AIC_CLOSE}, so the data do not prefer one way of treating ties`
      : close > 0
        ? `gaps under ${AIC_CLOSE} are no evidence either way`
        : `every other model is ${AIC_CLOSE} or more behind`;
  // the likelihoods all count every judgement between the main group's models (Bradley-Terry's, ties included)
  const all = compared.methods.find((m) => m.name === 'bradley_terry');
  const ties = all?.tie_parameter;
  const share = ties === null || ties === undefined ? '' : ` (ties: ${(100 * ties).toFixed(1)}% of them)`;
  return `By AIC on the same ${(all ?? best).comparisons.toLocaleString('en-US')} comparisons${share}, ${RATING_MODEL_NAMES[best.name]} fits best; ${behind} — ${reading}.`;
}

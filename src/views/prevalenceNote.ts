// The prevalence note as one sentence, for the page and the HTML report.
import { coefficient, percent } from '../format';
import { metricName } from '../sections/metrics';
import type { Prevalence } from '../sections/prevalence';

/** "Percent agreement is 0.910 but Fleiss' kappa only 0.350: A> holds 78.0% of the labels, …" */
export function prevalenceSentence(p: Prevalence): string {
  const entries = Object.entries(p.label_shares).filter((e): e is [string, number] => e[1] !== null);
  const [top, topShare] = entries.reduce((a, b) => (b[1] > a[1] ? b : a));
  const shares = entries.map(([label, s]) => `${label} ${percent(s)}`).join(', ');
  return (
    `Percent agreement is ${coefficient(p.percent_agreement)} but ${metricName(p.coefficient_id)} only ` +
    `${coefficient(p.coefficient)}: ${top} holds ${percent(topShare)} of the labels, so agreement by ` +
    'chance is high and the chance-corrected coefficients fall although the annotators mostly agree (the ' +
    'prevalence paradox). ' +
    (p.gwet_ac1 === null
      ? ''
      : `Gwet's AC1, which a dominant label does not drive down so, is ${coefficient(p.gwet_ac1)}. `) +
    `Label shares: ${shares}.`
  );
}

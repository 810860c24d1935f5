import { shareOf, type Share } from '../core/orderConsistency';
import { DEFAULT_FAMILIES } from '../defaults';
import type { LoadResult } from '../parse/loadFiles';

/** A judge's preference for answers of its own model family, beside the humans' on the same pairs. */
export interface SelfPreference {
  /** the judge's family (the rule that matched its name) */
  family: string;
  /** pairs the judge decided or tied with its family's model on exactly one side */
  pairs: number;
  ties: number;
  /** the judge's share of decisive verdicts for its family's answer */
  judge: Share;
  /** on the pairs that also have a decisive human majority: the judge's share there, and the humans' */
  on_human_pairs: { judge: Share; humans: Share; difference: number } | null;
}

/** A family rule as compiled patterns; an invalid pattern throws with its family named. */
export function familyRules(rules: Record<string, string> | null): [string, RegExp][] {
  return Object.entries(rules ?? DEFAULT_FAMILIES).map(([family, pattern]) => {
    try {
      return [family, new RegExp(pattern, 'i')];
    } catch {
      throw new Error(`family "${family}": "${pattern}" is not a valid pattern`);
    }
  });
}

/**
 * Family rules as one line, `family=pattern; family=pattern` (the page's field, the `families` link parameter and
 * `--families`): a rule per `;`, the family before the first `=`. An error message for a malformed line or an
 * invalid pattern; an empty line is null (the defaults).
 */
export function parseFamilies(
  text: string,
): { ok: true; rules: Record<string, string> | null } | { ok: false; error: string } {
  const rules: Record<string, string> = {};
  for (const part of text.split(';')) {
    if (!part.trim()) continue;
    const at = part.indexOf('=');
    const family = part.slice(0, at).trim(),
      pattern = part.slice(at + 1).trim();
    if (at <= 0 || !family || !pattern) return { ok: false, error: `"${part.trim()}" is not family=pattern` };
    try {
      new RegExp(pattern, 'i');
    } catch {
      return { ok: false, error: `family "${family}": "${pattern}" is not a valid pattern` };
    }
    Object.defineProperty(rules, family, { value: pattern, enumerable: true, writable: true, configurable: true });
  }
  return { ok: true, rules: Object.keys(rules).length ? rules : null };
}

/** The rules as `parseFamilies` reads them. */
export function formatFamilies(rules: Record<string, string>): string {
  return Object.entries(rules)
    .map(([family, pattern]) => `${family}=${pattern}`)
    .join('; ');
}

/** The first family whose pattern a name contains, or null. */
export function familyOf(name: string, rules: [string, RegExp][]): string | null {
  return rules.find(([, pattern]) => pattern.test(name))?.[0] ?? null;
}

/**
 * Self-preference (Panickssery et al. 2024, "LLM Evaluators Recognize and Favor Their Own Generations"; Zheng et
 * al. 2023's self-enhancement bias): on the pairs with a model of the judge's family on exactly one side (the
 * other side a model of another family or none matched), the judge's share of decisive verdicts for its family's
 * answer, ties counted apart; on the pairs among those with a decisive human majority, that share beside the
 * humans' (a difference above 0: the judge favours its family more than the humans do). `verdict` and `humans`
 * per item are side codes (-1 none), `a` / `b` the sides of the two answers (any other code is a tie). Null when
 * the judge's name matches no family or no pair qualifies.
 */
export function selfPreference(
  loaded: LoadResult,
  judgeName: string,
  verdict: Int32Array,
  humans: Int32Array,
  { a, b }: { a: number; b: number },
  rules: [string, RegExp][],
): SelfPreference | null {
  const family = familyOf(judgeName, rules);
  if (!family) return null;
  const { a: modelA, b: modelB } = loaded.models;
  let pairs = 0,
    ties = 0,
    own = 0,
    both = 0,
    ownThere = 0,
    humansOwn = 0;
  for (let i = 0; i < verdict.length; i++) {
    const v = verdict[i];
    if (v < 0 || !modelA[i] || !modelB[i]) continue;
    const inA = familyOf(modelA[i]!, rules) === family,
      inB = familyOf(modelB[i]!, rules) === family;
    if (inA === inB) continue;
    pairs++;
    const mine = inA ? a : b,
      theirs = inA ? b : a;
    if (v !== mine && v !== theirs) {
      ties++;
      continue;
    }
    if (v === mine) own++;
    const h = humans[i];
    if (h !== mine && h !== theirs) continue;
    both++;
    if (v === mine) ownThere++;
    if (h === mine) humansOwn++;
  }
  if (pairs === 0) return null;
  return {
    family,
    pairs,
    ties,
    judge: shareOf(own, pairs - ties),
    on_human_pairs:
      both === 0
        ? null
        : {
            judge: shareOf(ownThere, both),
            humans: shareOf(humansOwn, both),
            difference: (ownThere - humansOwn) / both,
          },
  };
}

/** Hex digits of a pseudonym: 48 bits, so 100,000 annotators collide with a chance of about 2 in 100,000. */
const DIGITS = 12;
/** What a pseudonym starts with. */
export const PSEUDONYM_PREFIX = 'annotator-';
/** A pseudonym as `pseudonyms` writes it (12 hex digits, or all 64 when two ids' first 12 collide). */
export const PSEUDONYM = /^annotator-(?:[0-9a-f]{12}|[0-9a-f]{64})$/;
/** What a left-out text is replaced by. */
export const TEXT_LEFT_OUT = '(text left out)';

const utf8 = new TextEncoder();

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Stable pseudonyms for annotator ids: `annotator-` and the first 12 hex digits of HMAC-SHA-256(passphrase,
 * id) (RFC 2104, by Web Crypto). The same passphrase gives the same pseudonym for an id in every report, so
 * two shared reports can be compared; another passphrase gives others; without the passphrase an id cannot
 * be recovered from its pseudonym (beyond guessing ids and passphrases). The passphrase is used here only,
 * never stored. Two ids whose 12 digits collide (a chance of about n² / 2⁴⁹) both get the full 64 digits.
 */
export async function pseudonyms(ids: Iterable<string>, passphrase: string): Promise<Map<string, string>> {
  if (passphrase === '') throw new Error('the passphrase is empty');
  const key = await crypto.subtle.importKey('raw', utf8.encode(passphrase), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const unique = [...new Set(ids)];
  const digests = await Promise.all(
    unique.map(async (id) => hex(await crypto.subtle.sign('HMAC', key, utf8.encode(id)))),
  );
  const short = new Map<string, number>();
  for (const d of digests) short.set(d.slice(0, DIGITS), (short.get(d.slice(0, DIGITS)) ?? 0) + 1);
  return new Map(
    unique.map((id, i) => {
      const d = digests[i];
      return [id, PSEUDONYM_PREFIX + (short.get(d.slice(0, DIGITS))! > 1 ? d : d.slice(0, DIGITS))];
    }),
  );
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A function that replaces every id of `map` in a text: a whole cell equal to an id, and an id inside a
 * longer text where it stands alone (not next to a letter, digit, `_` or `@`, so `ann-1` in `ann-12` or in an
 * e-mail address is left alone).
 */
export function idReplacer(map: ReadonlyMap<string, string>): (text: string) => string {
  const ids = [...map.keys()].filter((id) => id !== '').sort((a, b) => b.length - a.length);
  if (ids.length === 0) return (text) => text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_@])(?:${ids.map(escape).join('|')})(?![\\p{L}\\p{N}_@])`, 'gu');
  return (text) => map.get(text) ?? text.replace(pattern, (id) => map.get(id)!);
}

/** Every string and key of a JSON-like value passed through `replace` (a copy; the value is left as it is). */
export function replaceStrings<T>(value: T, replace: (text: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return replace(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    // defineProperty: a key such as `__proto__` stays an own key
    for (const [k, x] of Object.entries(v))
      Object.defineProperty(out, replace(k), { value: walk(x), enumerable: true, writable: true, configurable: true });
    return out;
  };
  return walk(value) as T;
}

/**
 * The report's prompt and response texts left out (`(text left out)`): the prompts of the pair lint. The
 * rest of the report holds no texts.
 */
export function withoutTexts<
  R extends { bias: { pair_lint?: { prompts_across_slices?: { prompt: string }[] } | null } | null },
>(report: R): R {
  const lint = report.bias?.pair_lint;
  if (!lint?.prompts_across_slices) return report;
  return {
    ...report,
    bias: {
      ...report.bias,
      pair_lint: {
        ...lint,
        prompts_across_slices: lint.prompts_across_slices.map((p) => ({ ...p, prompt: TEXT_LEFT_OUT })),
      },
    },
  };
}

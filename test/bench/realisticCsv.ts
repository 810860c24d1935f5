import { rng } from '../../src/core/rng';

/** The floor script's labels (`../shared/perf/floor.mjs` decodes exactly these in the third column). */
const LABELS = ['B>>A', 'B>A', 'tie', 'A>B', 'A>>B'];
const DOMAINS = ['code', 'chat', 'math', 'writing', 'safety'];

export interface RealisticOptions {
  seed?: number;
  /** rows in submission order (shuffled), or grouped by pair as the older benchmark file was */
  order?: 'submission' | 'grouped';
  /** characters of prompt + response texts per pair, repeated on each of its judgement rows (0: no texts) */
  textChars?: number;
}

/**
 * A seeded long CSV as a real export lists it: `pairs` pairs × 3 labels from 3 of 200 annotators drawn at random
 * per pair, every row a
 * judgement with its annotator's time, a slice (`domain`), a gold flag (5% of pairs) and the gold label on
 * gold rows; rows in submission order (shuffled, so a pair's three rows lie far apart), as string chunks.
 * The first three columns are `example_id,annotator_id,label` with the labels `floor.mjs` reads, so the
 * same file serves the floor, pandas and prefscope. With `textChars`, each row also carries the pair's
 * prompt and two responses (the same texts on each of its rows, as long exports repeat them).
 */
export function* realisticCsv(pairs: number, options: RealisticOptions = {}): Generator<string> {
  const { seed = 7, order = 'submission', textChars = 0 } = options;
  const random = rng(seed);
  const n = pairs * 3;
  const annotator = new Uint8Array(n);
  const label = new Uint8Array(n);
  const truth = new Uint8Array(pairs);
  const gold = new Uint8Array(pairs);
  for (let p = 0; p < pairs; p++) {
    truth[p] = Math.floor(random() * 5);
    gold[p] = random() < 0.05 ? 1 : 0;
    // three different annotators drawn at random: who meets whom varies as on a labelling platform (a fixed
    // rotation gave each annotator the same four partners, on which M-MSR's completion shrank every skill to 0)
    for (let k = 0; k < 3; k++) {
      const j = p * 3 + k;
      let a: number;
      do a = Math.floor(random() * 200);
      while ((k > 0 && a === annotator[j - 1]) || (k > 1 && a === annotator[j - 2]));
      annotator[j] = a;
      label[j] = random() < 0.6 ? truth[p] : Math.floor(random() * 5);
    }
  }
  const rows = new Uint32Array(n);
  for (let j = 0; j < n; j++) rows[j] = j;
  if (order === 'submission') {
    for (let j = n - 1; j > 0; j--) {
      const k = Math.floor(random() * (j + 1));
      const t = rows[j];
      rows[j] = rows[k];
      rows[k] = t;
    }
  }
  const texts = textChars > 0;
  yield `example_id,annotator_id,label,time_seconds,domain,is_gold,gold_label${texts ? ',prompt,response_a,response_b' : ''}\n`;
  const word = (p: number, k: number) => `w${(p * 31 + k * 7) % 997}`;
  const text = (p: number, part: number, chars: number) => {
    let s = '';
    for (let k = 0; s.length < chars; k++) s += `${word(p + part, k)} `;
    return `"${s.slice(0, chars).trim()}, as said"`;
  };
  let chunk = '';
  for (let r = 0; r < n; r++) {
    const j = rows[r];
    const p = Math.floor(j / 3);
    chunk += `pair${p},ann${annotator[j]},${LABELS[label[j]]},${(3 + random() * 60).toFixed(1)},${DOMAINS[p % 5]},${gold[p]},${gold[p] ? LABELS[truth[p]] : ''}`;
    if (texts) {
      const third = Math.floor(textChars / 3);
      chunk += `,${text(p, 0, third)},${text(p, 1, third)},${text(p, 2, third)}`;
    }
    chunk += '\n';
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

import { rng } from '../../src/core/rng';

const LABELS = ['A>>', 'A>', '=', 'B>', 'B>>'];

/**
 * A seeded long CSV of `pairs` pairs × 3 labels from 200 annotators, rows shuffled by pair blocks, as
 * string chunks (so 1M pairs never become one string). Annotators see a latent preference with noise.
 */
export function* syntheticCsv(pairs: number, seed = 1): Generator<string> {
  const random = rng(seed);
  yield 'example_id,annotator_id,label,time_seconds,domain\n';
  let chunk = '';
  for (let p = 0; p < pairs; p++) {
    const truth = Math.floor(random() * 5);
    const first = Math.floor(random() * 200);
    for (let k = 0; k < 3; k++) {
      const annotator = (first + k * 67) % 200;
      const noisy = random() < 0.6 ? truth : Math.floor(random() * 5);
      chunk += `pair${p},ann${annotator},${LABELS[noisy]},${(3 + random() * 60).toFixed(1)},${['code', 'chat', 'math', 'writing'][p % 4]}\n`;
    }
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

import { UnreadableFile } from '../types';
import { withArticle, type Adapter, type Detection, type SourceRecord } from './adapter';
import { alpacaEval } from './alpacaEval';
import { argillaV1 } from './argillaV1';
import { argillaV2 } from './argillaV2';
import { hhRlhf } from './hhRlhf';
import { trlPreference } from './trlPreference';
import { chatbotArena } from './chatbotArena';
import { helpSteer } from './helpSteer';
import { helpSteerRatings } from './helpSteerRatings';
import { labelStudio } from './labelStudio';
import { mtBench } from './mtBench';
import { fastChatPair } from './fastChatPair';
import { judgeOutput } from './judgeOutput';
import { llmBar } from './llmBar';
import { mturk } from './mturk';

/** Every format adapter, most specific first (the order breaks ties between equally good matches). */
export const ADAPTERS: readonly Adapter[] = [
  labelStudio,
  argillaV1,
  argillaV2,
  mturk,
  fastChatPair,
  mtBench,
  chatbotArena,
  judgeOutput,
  llmBar,
  helpSteer,
  helpSteerRatings,
  alpacaEval,
  hhRlhf,
  trlPreference,
];

/** The name of the plain reading: a table whose columns are mapped to roles (long or wide). */
export const TABLE = 'table';

export function adapterById(id: string): Adapter | undefined {
  return ADAPTERS.find((a) => a.id === id);
}

export interface AdapterChoice {
  adapter: Adapter | null;
  /** the closest format that the records look like but do not satisfy, with the fields they lack */
  nearMiss: { adapter: Adapter; detection: Detection } | null;
}

/**
 * The adapter for a file from its first records: of the formats whose required fields are all present,
 * the one with the most identifying fields found; else none, with the closest near miss.
 */
export function chooseAdapter(records: SourceRecord[], fileName: string): AdapterChoice {
  let best: { adapter: Adapter; detection: Detection } | null = null;
  let near: { adapter: Adapter; detection: Detection } | null = null;
  for (const adapter of ADAPTERS) {
    const d = adapter.detect(records, fileName);
    if (!d) continue;
    if (d.missing.length === 0) {
      if (!best || d.matched.length > best.detection.matched.length) best = { adapter, detection: d };
    } else if (!near || d.matched.length > near.detection.matched.length) near = { adapter, detection: d };
  }
  return { adapter: best?.adapter ?? null, nearMiss: best ? null : near };
}

const quoted = (fields: readonly string[]) => fields.map((f) => `\`${f}\``).join(', ');
const lacks = (missing: readonly string[], records: number) =>
  `${records > 1 ? `none of records 1–${records} has` : 'record 1 lacks'} the required field${missing.length > 1 ? 's' : ''} ${quoted(missing)}`;

/** The message for a file that looks like a format but lacks fields it needs. */
export function nearMissMessage(
  fileName: string,
  near: NonNullable<AdapterChoice['nearMiss']>,
  records: number,
): string {
  return `${fileName} looks like ${withArticle(near.adapter.title)} (it has ${quoted(near.detection.matched)}) but ${lacks(near.detection.missing, records)}`;
}

/** The adapter named by `id` for a file, or an error naming the fields its records lack. */
export function statedAdapter(id: string, records: SourceRecord[], fileName: string): Adapter {
  const adapter = adapterById(id);
  if (!adapter)
    throw new UnreadableFile(
      fileName,
      `unknown format "${id}" (one of ${[TABLE, ...ADAPTERS.map((a) => a.id)].join(', ')})`,
    );
  const d = adapter.detect(records, fileName);
  const missing = d ? d.missing : adapter.required.filter((f) => !records.some((r) => Object.hasOwn(r, f)));
  if (!d || missing.length) {
    const why = missing.length
      ? lacks(missing, records.length)
      : `its records do not have the layout (fields ${quoted(adapter.required)})`;
    throw new UnreadableFile(fileName, `${fileName} cannot be read as ${withArticle(adapter.title)}: ${why}`);
  }
  return adapter;
}

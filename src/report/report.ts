import type { FileInfo } from '../parse/loadFiles';
import type { InputSection } from './inputSection';
import pkg from '../../package.json' with { type: 'json' };

export const SCHEMA_ID = 'prefscope.report/v1';

/** The settings that change a number (`settings` in the report schema), as far as they exist so far. */
export interface ReportSettings {
  scale: string;
  label_map: Record<string, string> | null;
  columns: { file: string; format: string; mapping: Record<string, unknown> }[];
}

export interface Report {
  schema: typeof SCHEMA_ID;
  generator: string;
  settings: ReportSettings;
  input: InputSection;
}

/** The audit report document: the same numbers the page shows, from the same code. */
export function buildReport(input: InputSection, fileInfos: FileInfo[], labelMap: Record<string, string> | null): Report {
  return {
    schema: SCHEMA_ID,
    generator: `prefscope ${pkg.version}`,
    settings: {
      scale: input.scale,
      label_map: labelMap,
      columns: fileInfos.map((f) => ({ file: f.name, format: f.adapter, mapping: snakeCase(f.mapping) })),
    },
    input,
  };
}

/** Report fields are snake_case: `goldLabel` → `gold_label`. */
function snakeCase(object: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
}

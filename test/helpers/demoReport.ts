import { join } from 'node:path';
import type { Report } from '../../src/report/report';
import type { InputFile } from '../../src/parse/types';
import { createSession, type SettingsInput } from '../../src/session/analysisSession';
import { diskFile } from './loadText';

export const DEMO = join(import.meta.dirname, '../../public/samples/demo.csv.gz');

/** The defaults (src/defaults.ts), with Dawid-Skene's final labels whether it converges or not. */
export const AUDIT_SETTINGS: SettingsInput = { method: 'dawid_skene' };

/** The report of files, computed in-process by the session the audit command and the worker run. */
export async function sessionReport(files: InputFile[], settings: SettingsInput = AUDIT_SETTINGS): Promise<Report> {
  const session = createSession();
  const loaded = await session.load(files);
  if (!loaded.ok) throw new Error(loaded.message);
  const built = session.report(settings);
  if (!built.ok) throw new Error(built.message);
  return built.report;
}

/** The demo's report with the audit command's defaults. */
export async function demoReport(settings: SettingsInput = AUDIT_SETTINGS): Promise<Report> {
  return sessionReport([await diskFile(DEMO)], settings);
}

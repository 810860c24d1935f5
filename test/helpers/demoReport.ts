import { join } from 'node:path';
import type { Report } from '../../src/report/report';
import type { InputFile } from '../../src/parse/types';
import { createSession, type AgreementSettings } from '../../src/session/analysisSession';
import { diskFile } from './loadText';

export const DEMO = join(import.meta.dirname, '../../public/samples/demo.csv.gz');

/** The audit command's defaults (src/cli/audit.ts). */
export const AUDIT_SETTINGS: AgreementSettings = { removed: [], bootstrap: 1000, seed: 1, minShared: 10, bandMetric: 'fleiss_kappa', weights: { gold: 0.4, majority: 0.3, speed: 0.3 }, method: 'dawid_skene' };

/** The report of files, computed in-process by the session the audit command and the worker run. */
export async function sessionReport(files: InputFile[], settings: AgreementSettings = AUDIT_SETTINGS): Promise<Report> {
  const session = createSession();
  const loaded = await session.load(files);
  if (!loaded.ok) throw new Error(loaded.message);
  const built = session.report(settings);
  if (!built.ok) throw new Error(built.message);
  return built.report;
}

/** The demo's report with the audit command's defaults. */
export async function demoReport(settings: AgreementSettings = AUDIT_SETTINGS): Promise<Report> {
  return sessionReport([await diskFile(DEMO)], settings);
}

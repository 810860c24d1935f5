/// <reference lib="webworker" />
import { expose } from 'comlink';
import { createSession } from '../src/session/analysisSession';

// A thin facade: the session in src/ does the work; comlink carries calls and results.
const api = createSession();
expose(api);
export type AnalysisApi = typeof api;

import { inspectFile, loadFiles, type FileInfo, type LoadOptions, type LoadProgress, type LoadResult } from '../parse/loadFiles';
import { UnreadableFile, type InputFile, type Issue } from '../parse/types';
import { inputSection } from '../report/inputSection';
import { overview, pairPreviews, type Overview, type PairPreview } from '../report/overview';
import { sha256 } from '../report/sha256';
import { agreementSection, type AgreementSection } from '../report/agreementSection';
import { metricIds } from '../report/agreementMetrics';
import { disagreements, type Disagreement } from '../report/disagreements';
import { pairMatrix, type PairMatrix } from '../report/pairMatrix';
import { annotatorsSection, DEFAULT_WEIGHTS, type AnnotatorRow } from '../report/annotatorsSection';
import type { ScoreWeights } from '../core/annotatorScores';

/** Settings that change numbers (report-schema `settings`), annotators by id. */
export interface AgreementSettings {
  removed?: string[];
  bootstrap?: number;
  seed?: number;
  bandMetric?: string;
  minShared?: number;
  weights?: ScoreWeights;
}

export interface AgreementResult {
  agreement: AgreementSection;
  matrix: PairMatrix;
  metrics: { id: string; name: string }[];
  elapsedMs: number;
}

export type Result<T> = ({ ok: true } & T) | { ok: false; message: string };

/** Load options that can cross a worker boundary (no callbacks). */
export type SessionLoadOptions = Omit<LoadOptions, 'onProgress'>;

function failure(error: unknown): { ok: false; message: string } {
  if (error instanceof UnreadableFile) return { ok: false, message: error.message };
  return { ok: false, message: `could not read the file: ${(error as Error)?.message ?? String(error)}` };
}

/**
 * The analysis session behind the worker: holds the loaded judgements and answers the page's questions
 * with plain, cloneable results. Errors come back as data (`{ok: false, message}`), never thrown.
 */
export function createSession() {
  let loaded: LoadResult | null = null;
  return {
    async inspect(files: InputFile[]): Promise<Result<{ files: { info: FileInfo; sample: unknown[][] }[] }>> {
      try {
        return { ok: true, files: await Promise.all(files.map((f) => inspectFile(f))) };
      } catch (error) {
        return failure(error);
      }
    },

    async load(files: InputFile[], options: SessionLoadOptions = {}, onProgress?: (p: LoadProgress) => void): Promise<Result<{ overview: Overview }>> {
      loaded = null;
      let last = 0;
      const throttled = (p: LoadProgress) => {
        const now = Date.now();
        if (now - last > 100) {
          last = now;
          onProgress?.(p);
        }
      };
      try {
        const result = await loadFiles(files, { ...options, onProgress: throttled });
        const digests = await Promise.all(files.map((f) => sha256(f.blob)));
        loaded = result;
        return { ok: true, overview: overview(result, inputSection(result, digests)) };
      } catch (error) {
        return failure(error);
      }
    },

    /** The agreement section with the pair matrix; progress reports bootstrap resampling. */
    agreement(settings: AgreementSettings = {}, onProgress?: (done: number, total: number) => void): Result<AgreementResult> {
      if (!loaded) return { ok: false, message: 'no data loaded' };
      const r = loaded.ratings;
      const t0 = performance.now();
      const removed = codes(r.annotators, settings.removed);
      const agreement = agreementSection(r, { removed, bootstrap: settings.bootstrap ?? 0, seed: settings.seed ?? 1, bandMetric: settings.bandMetric ?? 'fleiss_kappa', minShared: settings.minShared ?? 10, onProgress });
      return { ok: true, agreement, matrix: pairMatrix(agreement.cohen_pairs), metrics: metricIds(r.scale !== 'nominal'), elapsedMs: performance.now() - t0 };
    },

    /** The annotator table (report-schema `annotators`). */
    annotators(settings: AgreementSettings = {}): Result<{ annotators: AnnotatorRow[]; elapsedMs: number }> {
      if (!loaded) return { ok: false, message: 'no data loaded' };
      const t0 = performance.now();
      const annotators = annotatorsSection(loaded.ratings, { removed: codes(loaded.ratings.annotators, settings.removed), weights: settings.weights ?? DEFAULT_WEIGHTS });
      return { ok: true, annotators, elapsedMs: performance.now() - t0 };
    },

    /** Items two annotators labelled differently, with their texts. */
    disagreements(a: string, b: string, limit = 200): { total: number; shared: number; items: Disagreement[] } {
      return loaded ? disagreements(loaded.ratings, loaded.texts, a, b, limit) : { total: 0, shared: 0, items: [] };
    },

    /** Texts and judgements of items, by position in the item list. */
    pairs(items: number[]): PairPreview[] {
      return loaded ? pairPreviews(loaded, items.filter((i) => i >= 0 && i < loaded!.ratings.items.length)) : [];
    },

    /** A page of every issue found while reading (the report keeps the first 100). */
    issues(offset: number, limit: number): Issue[] {
      return loaded ? loaded.issues.slice(offset, offset + limit) : [];
    },
  };
}

export type AnalysisSession = ReturnType<typeof createSession>;

/** Annotator codes of ids (unknown ids are ignored). */
function codes(annotators: string[], ids: string[] | undefined): number[] {
  const index = new Map(annotators.map((id, a) => [id, a]));
  return (ids ?? []).map((id) => index.get(id) ?? -1).filter((a) => a >= 0);
}

// Real exports of public tools, each copied byte for byte from a public GitHub repository (folder: source @ commit,
// path; licence):
//   fastchat-gpt4-pair/      github.com/Stefanstud/FastChat @1f5a7b8,
//                            fastchat/llm_judge/data/mt_bench/model_judgment/gpt-4_pair.jsonl; Apache-2.0
//   llmbar-natural/          github.com/princeton-nlp/LLMBar @900616b, Dataset/LLMBar/Natural/dataset.json and
//                            evaluators/{GPT-4,ChatGPT}/Vanilla/result.json; MIT
//   gal-adultcontent2/       github.com/ipeirotis/Get-Another-Label @9fe6c56, data/AdultContent2/; Apache-2.0
//   alpaca-eval-alpaca-7b/   github.com/tatsu-lab/alpaca_eval @cd543a1,
//                            results/alpaca-7b/alpaca_eval_gpt4/annotations.json; code Apache-2.0, data CC BY-NC 4.0
//   hh-rlhf-harmless-test/   github.com/anthropics/hh-rlhf @354e5c3, harmless-base/test.jsonl.gz; MIT
// They are read in place from a local copy outside the repository by the tests that need them and never copied
// into this repository. Without that copy the tests that read them are skipped (counted in the run's closing
// line; test/helpers/shared.ts).
import { join } from 'node:path';
import { loadFiles, type LoadOptions, type LoadResult } from '../../src/parse/loadFiles';
import type { InputFile } from '../../src/parse/types';
import { diskFile } from './loadText';
import { hasShared, sharedPath, withShared } from './shared';

export const REAL_EXPORTS = sharedPath('real-exports');

/** True when every named file (paths under real-exports/) is there. */
export const hasRealExports = (...paths: string[]) => hasShared(...paths.map((p) => join('real-exports', p)));
/** `describe` / `it` that run only when every named file is there (test/helpers/shared.ts). */
export const withRealExports = (...paths: string[]) => withShared(...paths.map((p) => join('real-exports', p)));

/** The files as the page or the command would get them, named by their path under real-exports/ minus the folder. */
export async function realFiles(...paths: string[]): Promise<InputFile[]> {
  return Promise.all(
    paths.map(async (p) => ({ ...(await diskFile(join(REAL_EXPORTS, p))), name: p.split('/').slice(1).join('/') })),
  );
}

export async function loadReal(paths: string[], options: LoadOptions = {}): Promise<LoadResult> {
  return loadFiles(await realFiles(...paths), options);
}

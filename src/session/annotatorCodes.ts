/** Annotator codes of ids (unknown ids are ignored). */
export function annotatorCodes(annotators: string[], ids: string[] | undefined): number[] {
  const index = new Map(annotators.map((id, a) => [id, a]));
  return (ids ?? []).map((id) => index.get(id) ?? -1).filter((a) => a >= 0);
}

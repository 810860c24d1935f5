/**
 * What every download passes through while the page shares pseudonymised: each human annotator id replaced
 * by its pseudonym (`idReplacer` of `report/pseudonymise`). Set by the page's state (`Analysis.setSharing`)
 * when the user turns pseudonymising on, cleared when off; downloads read it through `sharedText`, so no
 * table, chart or file can be saved with the original ids once it is on.
 */
let replace: ((text: string) => string) | null = null;

export function setSharedText(replacer: ((text: string) => string) | null): void {
  replace = replacer;
}

/** The text as it may leave the page: ids pseudonymised when sharing is on, else unchanged. */
export const sharedText = (text: string): string => (replace ? replace(text) : text);

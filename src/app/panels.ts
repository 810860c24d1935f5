// The page's panels in tab order: the id a link names (`#panel=…`) and the tab's name. Panels.svelte maps
// each id to its component.
export const PANELS = [
  { id: 'overview', name: 'Overview' },
  { id: 'agreement', name: 'Agreement' },
  { id: 'annotators', name: 'Annotators' },
  { id: 'labels', name: 'Final labels' },
  { id: 'judges', name: 'Judges & bias' },
  { id: 'planning', name: 'Planning' },
  { id: 'columns', name: 'Columns & labels' },
  { id: 'compare', name: 'Compare & drift' },
] as const;

export type PanelId = (typeof PANELS)[number]['id'];

export function isPanelId(id: string): id is PanelId {
  return PANELS.some((p) => p.id === id);
}

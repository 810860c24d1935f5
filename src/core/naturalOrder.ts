/** Natural order of names: numbers as numbers (`week 10` after `week 9`, `v2` before `v10`). */
export const naturalCompare = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

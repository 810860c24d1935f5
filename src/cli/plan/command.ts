/** One planner of `npm run plan`: its usage line and what it prints (a JSON-able object). */
export interface PlanCommand {
  usage: string;
  /** `fail` prints one line on stderr and exits 2 (a wrong option or unreadable input) */
  run(argv: string[], fail: (message: string) => never): Promise<object> | object;
}

/** One planner of `npm run plan`: its usage line and what it prints (a JSON-able object). */
export interface PlanCommand {
  usage: string;
  /** throws through `fail` (src/cli/command.ts) on a wrong option or unreadable input: one line, exit 2 */
  run(argv: string[]): Promise<object> | object;
}

import { fail, runAsScript, type CommandIo } from './command';
import type { PlanCommand } from './plan/command';
import { cost } from './plan/cost';
import { gold } from './plan/gold';
import { subsample } from './plan/subsample';

/** `npm run --silent plan -- gold|cost|subsample [options]`: the page's planners, headless, printing JSON. */
const COMMANDS: Record<string, PlanCommand> = { gold, cost, subsample };
const USAGE = `usage: npm run --silent plan -- ${Object.keys(COMMANDS).join('|')} [options]   (--help after a command lists its options)`;

export async function plan(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    io.out(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) fail(`unknown planner "${name}"\n${USAGE}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.usage}\n`);
    return 0;
  }
  io.out(`${JSON.stringify(await command.run(rest), null, 2)}\n`);
  return 0;
}

runAsScript('plan', plan, import.meta.url);

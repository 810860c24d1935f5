import { failWith } from './failWith';
import type { PlanCommand } from './plan/command';
import { gold } from './plan/gold';
import { cost } from './plan/cost';
import { subsample } from './plan/subsample';

/** `npm run --silent plan -- gold|cost|subsample [options]`: the page's planners, headless, printing JSON. */
const COMMANDS: Record<string, PlanCommand> = { gold, cost, subsample };
const USAGE = `usage: npm run --silent plan -- ${Object.keys(COMMANDS).join('|')} [options]   (--help after a command lists its options)`;

const fail = failWith('plan');

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(`${USAGE}\n`);
    if (!name) process.exitCode = 2;
    return;
  }
  const command = COMMANDS[name];
  if (!command) fail(`unknown planner "${name}"\n${USAGE}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return;
  }
  const result = await command.run(rest, fail);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

await main(process.argv.slice(2));

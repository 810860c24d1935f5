import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a command writes: its output and its messages (the process's stdout and stderr, or a test's buffers). */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

/** A command: the arguments in, its exit status out (0 done, 1 a gate not met, 2 unusable input or a wrong call). */
export type Command = (argv: string[], io: CommandIo) => Promise<number>;

/** Unusable input or a wrong call: thrown by a command, printed by `runCommand` as one line. */
export class CommandFailure extends Error {}

/** Stops the command with one line on stderr and exit status 2. */
export function fail(message: string): never {
  throw new CommandFailure(message);
}

/** Runs a command; any failure (a wrong call, unreadable input, a bug) becomes one line `prefscope NAME: …` and status 2. */
export async function runCommand(name: string, command: Command, argv: string[], io: CommandIo): Promise<number> {
  try {
    return await command(argv, io);
  } catch (error) {
    io.err(`prefscope ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

/** Runs the command as the process when its module is the script started (`tsx src/cli/audit.ts …`). */
export function runAsScript(name: string, command: Command, moduleUrl: string): void {
  if (!process.argv[1] || resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  const io = {
    out: (text: string) => void process.stdout.write(text),
    err: (text: string) => void process.stderr.write(text),
  };
  void runCommand(name, command, process.argv.slice(2), io).then((status) => {
    process.exitCode = status;
  });
}

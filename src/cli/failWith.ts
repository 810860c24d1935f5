/** A command's exit for unusable input or a wrong call: one line on stderr, exit code 2. */
export function failWith(command: string): (message: string) => never {
  return (message) => {
    process.stderr.write(`prefscope ${command}: ${message}\n`);
    process.exit(2);
  };
}

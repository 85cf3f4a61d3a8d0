// The entry: parse flags, run the chosen command, and turn every failure a
// user can cause (bad flags, bad kubeconfig, unreachable server) into one
// clear line and a non-zero exit. No stack trace reaches a user.
import { readFileSync } from 'node:fs';
import { parseCommandLine, USAGE, UsageError, type Config } from './cli.js';
import { UserError } from './kube/errors.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function run(config: Config): Promise<number> {
  switch (config.command) {
    case 'help':
      process.stdout.write(USAGE + '\n');
      return 0;
    case 'version':
      process.stdout.write(`podtui ${version()}\n`);
      return 0;
    case 'sim': {
      const { runSim } = await import('./app/runSim.js');
      return runSim(config);
    }
    case 'ui': {
      const { runUi } = await import('./app/runUi.js');
      return runUi(config);
    }
  }
}

async function main(): Promise<void> {
  try {
    process.exitCode = await run(parseCommandLine(process.argv.slice(2)));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`podtui: ${error.message} (see podtui --help)\n`);
      process.exitCode = 2;
    } else if (error instanceof UserError) {
      process.stderr.write(`podtui: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      const { writeCrashLog } = await import('./terminal.js');
      const path = writeCrashLog(error);
      process.stderr.write(`podtui: unexpected error: ${(error as Error)?.message ?? String(error)} (details in ${path})\n`);
      process.exitCode = 1;
    }
  }
}

await main();

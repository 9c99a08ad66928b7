/**
 * A command run in a pseudo-terminal, the way an editor runs it, so prompts, Ctrl-C and Ctrl-D behave as at a
 * keyboard. Uses util-linux `script` (in every Debian system): when its input is a pipe and that pipe is closed,
 * it sends the terminal's end-of-file character (Ctrl-D) to the command.
 */
import { spawn } from 'node:child_process';

export interface TerminalSession {
  /** Resolves once the output contains `text`; rejects if the command ends first. */
  waitFor(text: string): Promise<void>;
  /** Types keys: `\r` is Enter, `\x03` is Ctrl-C. */
  type(keys: string): void;
  /** Closes the input: Ctrl-D at an empty prompt. */
  endInput(): void;
  /** The exit code and everything printed (the terminal joins stdout and stderr). */
  done: Promise<{ code: number | null; output: string }>;
}

const shellQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

export function runInTerminal(command: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): TerminalSession {
  const child = spawn('script', ['--quiet', '--return', '--command', command.map(shellQuote).join(' '), '/dev/null'], {
    cwd: options.cwd,
    env: { ...(options.env ?? process.env), TERM: 'dumb' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: { text: string; resolve: () => void; reject: (error: Error) => void }[] = [];
  const settle = () => {
    for (const waiter of [...waiters]) {
      if (output.includes(waiter.text)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    settle();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    settle();
  });
  const done = new Promise<{ code: number | null; output: string }>((resolve) => {
    child.on('close', (code) => {
      for (const waiter of waiters.splice(0)) waiter.reject(new Error(`command ended before printing “${waiter.text}”:\n${output}`));
      resolve({ code, output });
    });
  });
  return {
    waitFor: (text) =>
      new Promise((resolve, reject) => {
        waiters.push({ text, resolve, reject });
        settle();
      }),
    type: (keys) => child.stdin.write(keys),
    endInput: () => child.stdin.end(),
    done,
  };
}

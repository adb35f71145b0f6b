import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MOVIEBOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/moviebot');

/** A child environment without the developer's own Moviebot settings leaking in. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn' };
  return { ...env, ...extra };
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `moviebot ...args` to completion. */
export function runCli(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<Run> {
  const child = spawnCli(args, env);
  const timer = setTimeout(() => child.process.kill('SIGKILL'), timeoutMs);
  return child.exited.finally(() => clearTimeout(timer));
}

export interface RunningCli {
  process: ChildProcessWithoutNullStreams;
  output(): { stdout: string; stderr: string };
  /** Resolves with stdout so far once it matches `pattern`; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<Run>;
}

export function spawnCli(args: string[], env: Record<string, string>): RunningCli {
  const child = spawn(MOVIEBOT, args, { env: cleanEnv(env) });
  let stdout = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  child.stdout.on('data', (d: Buffer) => {
    stdout += d;
    notify();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d;
    notify();
  });
  const exited = new Promise<Run>((resolve) => {
    child.on('exit', (code, signal) => {
      // let the pipes drain
      setTimeout(() => {
        resolve({ code, signal, stdout, stderr });
        notify();
      }, 50);
    });
  });
  let done = false;
  void exited.then(() => (done = true));
  return {
    process: child,
    output: () => ({ stdout, stderr }),
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${pattern}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
        }, timeoutMs);
        const check = () => {
          if (pattern.test(stdout)) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(stdout);
          } else if (done) {
            clearTimeout(timer);
            waiters.delete(check);
            reject(new Error(`exited before ${pattern}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
          }
        };
        waiters.add(check);
        check();
      });
    },
  };
}

import fs from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_KEYS } from '../core/index.ts';
import { buildProgram } from './program.ts';

/** Docker cannot run here, so the compose file is checked against the CLI and the config it drives. */
interface Service {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  environment?: Record<string, string> | string[];
}
const compose = parse(fs.readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const appServices = Object.entries(compose.services).filter(([, s]) => s.image?.startsWith('moviebot') || s.build);

function resolveCommand(program: Command, argv: string[]): { command: Command; rest: string[] } {
  let command = program;
  let i = 0;
  for (; i < argv.length; i++) {
    const sub = command.commands.find((c) => c.name() === argv[i]);
    if (!sub) break;
    command = sub;
  }
  return { command, rest: argv.slice(i) };
}

describe('docker-compose.yml', () => {
  it('runs postgres, redis, a one-shot migrate, bot, worker and web', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['bot', 'migrate', 'postgres', 'redis', 'web', 'worker']);
    expect(appServices.map(([name]) => name).sort()).toEqual(['bot', 'migrate', 'web', 'worker']);
  });

  it.each(appServices)('%s runs an existing moviebot command with known options', (_name, service) => {
    const argv = Array.isArray(service.command) ? service.command : String(service.command).split(/\s+/);
    expect(argv[0]).toBe('moviebot');
    const { command, rest } = resolveCommand(buildProgram(), argv.slice(1));
    expect(command.name()).not.toBe('moviebot');
    expect(command.commands).toHaveLength(0); // a leaf command, not a group like `data`
    for (const arg of rest.filter((a) => a.startsWith('--'))) {
      expect(command.options.map((o) => o.long)).toContain(arg.split('=')[0]);
    }
  });

  it.each(appServices)('%s sets only variables the config knows', (_name, service) => {
    const env = service.environment ?? {};
    const keys = Array.isArray(env) ? env.map((e) => e.split('=')[0]!) : Object.keys(env);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(CONFIG_KEYS).toContain(key);
  });

  it('the image builds the moviebot command that the services call', () => {
    const dockerfile = fs.readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');
    expect(dockerfile).toMatch(/ln -s \/app\/bin\/moviebot \/usr\/local\/bin\/moviebot/);
    expect(dockerfile).toMatch(/COPY migrations/);
  });
});

describe('.env.example', () => {
  const text = fs.readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
  const names = [...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);

  it('documents every configuration variable and no unknown one', () => {
    expect(new Set(names)).toEqual(new Set(CONFIG_KEYS));
  });
});

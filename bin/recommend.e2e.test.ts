import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test/support/cli.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';
import { writeFixture } from '../data/testing/fixtures.ts';

const tmp = useTempDirs('moviebot-recommend-');

function jsonl(dir: string, lines: (object | string)[]): string {
  const file = path.join(dir, 'users.jsonl');
  fs.writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return file;
}

const readOut = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string | number; items: number[] });

describe.skipIf(!ML_LATEST_SMALL.present)('moviebot train + recommend on ml-latest-small', () => {
  const dir = tmp();
  const model = path.join(dir, 'model');
  const movieIds = new Set(
    fs
      .readFileSync(path.join(ML_LATEST_SMALL.dir, 'movies.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => Number(l.split(',')[0])),
  );

  beforeAll(async () => {
    const run = await runCli(['train', '--data', ML_LATEST_SMALL.dir, '--model', model], {}, 120_000);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }, 120_000);

  it('writes a complete model with a manifest', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(model, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 1, items: 9742 });
    expect(manifest.backend).toMatch(/wasm|tensorflow|cpu/);
    expect(manifest.datasetFingerprint).toMatch(/^[0-9a-f]{32}$/);
    for (const f of ['vectors.f32', 'item-ids.i32', 'movies.json']) expect(fs.existsSync(path.join(model, f))).toBe(true);
    // 9,742 movies are scanned, not searched by HNSW: no index file to build or load.
    expect(fs.existsSync(path.join(model, 'items.hnsw'))).toBe(false);
  });

  it('answers each line in input order with k movies, never a liked, disliked or seen one', async () => {
    type Profile = { likes: number[]; dislikes?: number[]; seen?: number[] };
    const users: (Profile & { id: string | number; members?: Profile[] })[] = [
      { id: 'scifi', likes: [2571, 260, 1196] },
      { id: 7, likes: [1, 3114], dislikes: [2355], seen: [4886, 6377, 78499] },
      { id: 'empty', likes: [] },
      { id: 'group', members: [{ likes: [2571] }, { likes: [1, 2355], dislikes: [260] }], likes: [] },
    ];
    const out = path.join(dir, 'recs.jsonl');
    const run = await runCli(['recommend', '--model', model, '--in', jsonl(dir, users), '--out', out, '--k', '20'], {});
    expect(run.code).toBe(0);
    const lines = readOut(out);
    expect(lines.map((l) => l.id)).toEqual(['scifi', 7, 'empty', 'group']);
    for (const [i, line] of lines.entries()) {
      expect(line.items).toHaveLength(20);
      expect(new Set(line.items).size).toBe(20);
      for (const id of line.items) expect(movieIds.has(id)).toBe(true);
      const u = users[i]!;
      for (const p of u.members ?? [u]) {
        for (const id of [...p.likes, ...(p.dislikes ?? []), ...(p.seen ?? [])]) expect(line.items).not.toContain(id);
      }
    }
    // Star Wars fans get Star Wars / 80s adventure, not a random list.
    expect(lines[0]!.items.slice(0, 10)).toEqual(expect.arrayContaining([1210]));
  });

  it('ignores unknown movie ids with one warning', async () => {
    const out = path.join(dir, 'unknown.jsonl');
    const run = await runCli(
      [
        'recommend',
        '--model',
        model,
        '--in',
        jsonl(dir, [
          { id: 'a', likes: [99999999, 2571] },
          { id: 'b', likes: [88888888] },
        ]),
        '--out',
        out,
        '--k',
        '5',
      ],
      {},
    );
    expect(run.code).toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/warning: ignored 2 movie id\(s\).*99999999/);
    expect(readOut(out).map((l) => l.items.length)).toEqual([5, 5]);
  });
});

describe('moviebot train + recommend on an ml-100k folder', () => {
  it('trains and recommends in the ml-100k id space', async () => {
    const dir = tmp();
    const fixture = await writeFixture(path.join(dir, 'ml-100k'), 'ml-100k');
    const model = path.join(dir, 'model');
    const train = await runCli(['train', '--data', fixture.dir, '--model', model], {});
    expect(train.code).toBe(0);
    const ids = fixture.expected.movies.map((m) => m.id);
    const out = path.join(dir, 'out.jsonl');
    const run = await runCli(['recommend', '--model', model, '--in', jsonl(dir, [{ id: 'u', likes: [ids[0]], seen: [ids[1]] }]), '--out', out, '--k', '3'], {});
    expect(run.code).toBe(0);
    const [line] = readOut(out);
    expect(line!.items).toHaveLength(3);
    for (const id of line!.items) expect(ids).toContain(id);
    expect(line!.items).not.toContain(ids[0]);
    expect(line!.items).not.toContain(ids[1]);
  });
});

describe('moviebot recommend with bad input', () => {
  let model: string;
  let dir: string;
  beforeAll(async () => {
    dir = tmp();
    const fixture = await writeFixture(path.join(dir, 'data'), 'csv');
    model = path.join(dir, 'model');
    expect((await runCli(['train', '--data', fixture.dir, '--model', model], {})).code).toBe(0);
  });

  it.each([
    ['not JSON', '{"id": "a", "likes": [1,'],
    ['no id', '{"likes": [1]}'],
    ['likes not an array', '{"id": "a", "likes": "1"}'],
    ['a movie id that is not a number', '{"id": "a", "likes": [1, "x"]}'],
    ['empty members', '{"id": "g", "members": []}'],
    ['a JSON array', '[1, 2]'],
  ])('%s: stops with the line number and writes no output', async (_label, bad) => {
    const out = path.join(dir, `bad-${Math.random()}.jsonl`);
    const run = await runCli(['recommend', '--model', model, '--in', jsonl(dir, ['{"id": "ok", "likes": [1]}', bad]), '--out', out], {});
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/users\.jsonl:2: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('a bad --k, or a model folder without a model, is a clear error', async () => {
    const emptyModel = path.join(dir, 'empty-model');
    fs.mkdirSync(emptyModel);
    await refused({ k: 'zero' }, '--k must be a whole number from 1 to 1000, got "zero"');
    await refused({ model: emptyModel }, `${emptyModel} holds no model (no manifest.json); train one with: moviebot train`);
  });

  /** Runs recommend expecting it to stop with exactly `message`: one line, no stack, no output and no partial file left. */
  async function refused(args: { model?: string; in?: string; out?: string; k?: string }, message: string) {
    const out = args.out ?? path.join(dir, 'refused.jsonl');
    const input = args.in ?? jsonl(dir, [{ id: 'a', likes: [1] }]);
    const run = await runCli(['recommend', '--model', args.model ?? model, '--in', input, '--out', out, '--k', args.k ?? '20'], {});
    expect(run.stderr).toBe(`moviebot: ${message}\n`);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(fs.existsSync(out) && fs.statSync(out).isFile()).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  }

  it('--out into a missing folder says so in one line, writes nothing and creates no folder', async () => {
    const missing = path.join(dir, 'no-such-folder');
    await refused({ out: path.join(missing, 'recs.jsonl') }, `cannot write ${path.join(missing, 'recs.jsonl')}: folder ${missing}/ does not exist`);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it.each<[string, () => { args: Parameters<typeof refused>[0]; message: string }]>([
    ['--out onto a folder', () => ({ args: { out: dir }, message: `cannot write ${dir}: it is a folder, not a file` })],
    [
      '--out under a file',
      () => ({
        args: { out: path.join(dir, 'users.jsonl', 'recs.jsonl') },
        message: `cannot write ${path.join(dir, 'users.jsonl', 'recs.jsonl')}: ${path.join(dir, 'users.jsonl')} is a file, not a folder`,
      }),
    ],
    ['--in missing', () => ({ args: { in: path.join(dir, 'nope.jsonl') }, message: `cannot read ${path.join(dir, 'nope.jsonl')}: no such file` })],
    ['--in a folder', () => ({ args: { in: dir }, message: `cannot read ${dir}: it is a folder, not a file` })],
    [
      '--model missing',
      () => ({
        args: { model: path.join(dir, 'no-model') },
        message: `model folder ${path.join(dir, 'no-model')}/ does not exist; train one with: moviebot train --model ${path.join(dir, 'no-model')}`,
      }),
    ],
    [
      '--model a file',
      () => ({
        args: { model: path.join(dir, 'users.jsonl') },
        message: `${path.join(dir, 'users.jsonl')} is a file, not a model folder (written by: moviebot train --model <folder>)`,
      }),
    ],
  ])('%s: one plain line, exit 1, nothing written', async (_label, setup) => {
    jsonl(dir, [{ id: 'a', likes: [1] }]); // users.jsonl exists
    const { args, message } = setup();
    await refused(args, message);
  });

  it('reads a JSONL file that starts with a UTF-8 byte-order mark exactly as without one', async () => {
    const text = ['{"id": "a", "likes": [1]}', '{"id": "g", "members": [{"likes": [1]}, {"likes": [11]}]}'].join('\r\n') + '\r\n';
    const outputs = [];
    for (const [name, content] of [
      ['plain.jsonl', text],
      ['bom.jsonl', `\uFEFF${text}`],
    ] as const) {
      fs.writeFileSync(path.join(dir, name), content);
      const out = path.join(dir, `out-${name}`);
      const run = await runCli(['recommend', '--model', model, '--in', path.join(dir, name), '--out', out, '--k', '3'], {});
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      outputs.push(fs.readFileSync(out, 'utf8'));
    }
    expect(outputs[1]).toBe(outputs[0]);
    expect(readOut(path.join(dir, 'out-bom.jsonl')).map((l) => l.id)).toEqual(['a', 'g']);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { loadModel } from '../../core/wiring.ts';
import { withoutByteOrderMark } from '../../data/index.ts';
import { cannotRead, checkInputFile, checkModelFolder, checkOutputFile, OutputFile } from '../recommend/files.ts';
import { RecommendInputError } from '../recommend/input-error.ts';
import { parseRequestLine, RequestLineError } from '../recommend/request-line.ts';
import { say } from '../runtime/output.ts';

export function registerRecommendCommand(program: Command): void {
  program
    .command('recommend')
    .description('recommend for each user (or group) of a JSONL file with a trained model')
    .requiredOption('--model <dir>', 'a model directory written by `moviebot train`')
    .requiredOption('--in <file>', 'JSONL: {"id", "likes", "dislikes"?, "seen"?} or {"id", "members": [...]} per line')
    .requiredOption('--out <file>', 'JSONL: {"id", "items": [movieId…]} per input line, in order')
    .option('--k <n>', 'recommendations per line', '20')
    .action(async (opts: { model: string; in: string; out: string; k: string }) => {
      const k = Number(opts.k);
      if (!Number.isInteger(k) || k < 1 || k > 1000) throw new RecommendInputError(`--k must be a whole number from 1 to 1000, got "${opts.k}"`);
      // Every path is checked before the model is loaded: a typo costs a second, not a model load.
      await checkInputFile(opts.in);
      await checkOutputFile(opts.out);
      await checkModelFolder(opts.model);
      const { recommender, movies } = await loadModel(opts.model);
      const known = new Set(movies.map((m) => m.id));
      const unknown = new Set<number>();

      const out = await OutputFile.open(opts.out);
      let lineNo = 0;
      let written = 0;
      try {
        const input = Readable.from(withoutByteOrderMark(fs.createReadStream(opts.in)));
        const lines = readline.createInterface({ input, crlfDelay: Infinity });
        for await (const line of lines) {
          lineNo++;
          if (line.trim() === '') continue;
          let request;
          try {
            request = parseRequestLine(line);
          } catch (err) {
            if (err instanceof RequestLineError) throw new RecommendInputError(`${opts.in}:${lineNo}: ${err.message}`);
            throw err;
          }
          const profiles = request.kind === 'user' ? [request.profile] : request.members;
          for (const p of profiles) for (const id of [...p.likes, ...(p.dislikes ?? []), ...(p.seen ?? [])]) if (!known.has(id)) unknown.add(id);
          const recs = request.kind === 'user' ? recommender.recommend(request.profile, k) : recommender.recommendGroup(request.members, k);
          await out.write(`${JSON.stringify({ id: request.id, items: recs.map((r) => r.movieId) })}\n`);
          written++;
        }
        await out.commit();
      } catch (err) {
        await out.discard();
        if (err instanceof RecommendInputError) throw err;
        // The output's errors are already RecommendInputErrors: a file-system error here is the input's.
        if ((err as NodeJS.ErrnoException).code !== undefined) throw cannotRead(opts.in, err);
        throw err;
      }
      if (unknown.size > 0) {
        const sample = [...unknown].slice(0, 5).join(', ');
        process.stderr.write(`warning: ignored ${unknown.size} movie id(s) the model does not know (${sample}${unknown.size > 5 ? ', …' : ''})\n`);
      }
      say(`Wrote ${written} recommendation list(s) to ${path.resolve(opts.out)}`);
    });
}

import os from 'node:os';
import readline from 'node:readline';
import type { Command } from 'commander';
import { ChatSession } from '../../bot/console/index.ts';
import { ensureCatalog } from '../../data/index.ts';
import { say } from '../runtime/output.ts';
import { startRole } from '../runtime/role.ts';
import { openRoleProduct } from '../runtime/role-product.ts';

export function registerChatCommand(program: Command): void {
  program
    .command('chat')
    .description('talk to the bot in the terminal: the same commands as on Discord and Telegram, no tokens needed')
    .option('--user <name>', 'who you are in the bot (default: your login name)')
    .action(async (opts: { user?: string }) => {
      const role = await startRole('chat', { migrate: true });
      const { config, logger, shutdown, database } = role;
      await ensureCatalog(config, database, say);
      // Opened as every role opens it: with REDIS_URL its 👍 drop the shared ready lists and server results
      // the other processes read and queue their recomputes for the workers. Like `moviebot bot` it runs no
      // workers: with none running the jobs wait in Redis, and answers fold in on the spot meanwhile.
      const { product } = await openRoleProduct(role);
      await product.modelReady;
      const session = new ChatSession(product.deps, product.share, { platform: 'console', platformUserId: opts.user ?? os.userInfo().username }, logger);
      say('Moviebot — type help for commands, quit to leave.');
      const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
      rl.setPrompt('> ');
      rl.prompt();
      // Lines are handled one at a time, in order, even when pasted or piped in at once.
      let queue = Promise.resolve();
      rl.on('line', (line) => {
        queue = queue.then(async () => {
          if (/^\s*\/?(quit|exit)\s*$/i.test(line)) return rl.close();
          // One write per reply, so a reader never sees half of it.
          const reply = await session.handle(line);
          if (reply.length > 0) say(reply.join('\n'));
          rl.prompt();
        });
      });
      rl.on('close', () => {
        void queue.then(async () => {
          say('Bye!');
          process.exit((await shutdown.run()) ? 0 : 1);
        });
      });
    });
}

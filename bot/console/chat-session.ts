import {
  ANSWER_DEADLINE_MS,
  UserError,
  withDeadline,
  type ImportDeps,
  type Logger,
  type PlatformIdentity,
  type RecommendDeps,
  type ShareDeps,
} from '../../core/index.ts';
import { phrase } from '../shared/user-error-text.ts';
import { newChatState, type ChatContext, type ConsoleCommand } from './chat-context.ts';
import { favCommand } from './commands/fav.command.ts';
import { favsCommand } from './commands/favs.command.ts';
import { forgetCommand } from './commands/forget.command.ts';
import { importCommand } from './commands/import.command.ts';
import { laterCommand } from './commands/later.command.ts';
import { linkCommand } from './commands/link.command.ts';
import { pickCommand } from './commands/pick.command.ts';
import { rateCommand } from './commands/rate.command.ts';
import { recommendCommand } from './commands/recommend.command.ts';
import { seenCommand } from './commands/seen.command.ts';
import { shareCommand } from './commands/share.command.ts';
import { unfavCommand } from './commands/unfav.command.ts';
import { unlaterCommand } from './commands/unlater.command.ts';
import { unseenCommand } from './commands/unseen.command.ts';
import { watchlistCommand } from './commands/watchlist.command.ts';
import { unlinkCommand } from './commands/unlink.command.ts';
import { CONSOLE_USER_ERROR_TEXT } from './user-error-text.ts';

/** Every terminal command, registered in one place. */
const COMMANDS: ConsoleCommand[] = [
  favCommand,
  favsCommand,
  unfavCommand,
  recommendCommand,
  rateCommand,
  seenCommand,
  unseenCommand,
  laterCommand,
  unlaterCommand,
  watchlistCommand,
  importCommand,
  shareCommand,
  linkCommand,
  unlinkCommand,
  forgetCommand,
];

/** Long pasted text is cut: no command needs more. */
const MAX_LINE = 500;

/** A terminal conversation: one line in, reply lines out. */
export class ChatSession {
  private readonly ctx: ChatContext;

  constructor(
    deps: RecommendDeps & ImportDeps,
    share: ShareDeps,
    identity: PlatformIdentity,
    private readonly logger: Logger,
  ) {
    this.ctx = { deps, share, identity, state: newChatState() };
  }

  static help(): string[] {
    return [
      'Commands:',
      ...[...COMMANDS, pickCommand].map((c) => `  ${c.usage.padEnd(16)} ${c.help}`),
      `  ${'help'.padEnd(16)} this list`,
      `  ${'quit'.padEnd(16)} leave`,
    ];
  }

  async handle(input: string): Promise<string[]> {
    const line = input.trim().slice(0, MAX_LINE);
    if (line === '') return [];
    const [word = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    const command = /^\d+$/.test(line)
      ? pickCommand
      : /^[+-]\d+$/.test(line)
        ? rateCommand
        : COMMANDS.find((c) => c.names.includes(word.toLowerCase().replace(/^\//, '')));
    if (word.toLowerCase().replace(/^\//, '') === 'help') return ChatSession.help();
    if (!command) return [`Unknown command “${word.slice(0, 40)}”. Type help for the list.`];
    try {
      // A person is told to try again rather than left waiting (the database may be unreachable).
      const work = command.run(this.ctx, command === pickCommand || command === rateCommand ? line : args);
      return await withDeadline(work, command.deadlineMs ?? ANSWER_DEADLINE_MS, `console ${word}`);
    } catch (err) {
      if (err instanceof UserError) return [phrase(CONSOLE_USER_ERROR_TEXT, err)];
      this.logger.error({ err, command: word }, 'console command failed');
      return ['Something went wrong on our side; please try again.'];
    }
  }
}

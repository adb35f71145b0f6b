import type { ImportDeps, Movie, PlatformIdentity, RecommendDeps, ShareDeps } from '../../core/index.ts';

/** What a terminal conversation remembers between lines. */
export interface ChatState {
  /** Search matches waiting for the person to pick one by number. */
  choices: Movie[];
  /** The last recommendations shown, rated by number (+2, -1). */
  shown: Movie[];
  /** Everything recommended so far in this conversation: not shown again. */
  seen: number[];
}

export interface ChatContext {
  deps: RecommendDeps & ImportDeps;
  share: ShareDeps;
  identity: PlatformIdentity;
  state: ChatState;
}

/** One terminal command: the same use cases the Discord and Telegram commands call. */
export interface ConsoleCommand {
  names: string[];
  usage: string;
  help: string;
  /** How long the person may be kept waiting (ANSWER_DEADLINE_MS unless the command is slow by nature, as an import). */
  deadlineMs?: number;
  run(ctx: ChatContext, args: string): Promise<string[]>;
}

export function newChatState(): ChatState {
  return { choices: [], shown: [], seen: [] };
}

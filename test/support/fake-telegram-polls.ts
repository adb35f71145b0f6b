import { bad } from './bot-api-error.ts';

/** The Bot API's Poll object. */
export interface FakePoll {
  id: string;
  question: string;
  options: { text: string; voter_count: number }[];
  total_voter_count: number;
  is_closed: boolean;
  is_anonymous: boolean;
  type: 'regular' | 'quiz';
  allows_multiple_answers: boolean;
}

const QUESTION_MAX = 300;
const OPTION_MAX = 100;
const OPTIONS_MIN = 2;
const OPTIONS_MAX = 10;

/**
 * The native polls a bot sent through FakeTelegram (sendPoll, stopPoll), and
 * the answers people give in the app. Limits and error texts as the Bot API
 * documents and answers them.
 */
export class FakePolls {
  private readonly polls = new Map<string, { poll: FakePoll; chatId: number; messageId: number; voters: Map<number, number[]> }>();
  private seq = 0;

  /** A poll as it stands now (a copy), with where it was posted. */
  get(pollId: string): (FakePoll & { chatId: number; messageId: number }) | undefined {
    const entry = this.polls.get(pollId);
    return entry && { ...structuredClone(entry.poll), chatId: entry.chatId, messageId: entry.messageId };
  }

  /** Every poll sent, oldest first. */
  all(): (FakePoll & { chatId: number; messageId: number })[] {
    return [...this.polls.keys()].map((id) => this.get(id)!);
  }

  /** sendPoll: validates like the Bot API, then posts the poll as a message through `post`. */
  send<M extends { message_id: number }>(chat: { id: number; type: string }, body: Record<string, unknown>, post: (poll: FakePoll) => M): M {
    const question = String(body.question ?? '');
    // Bot API 7.3 turned options into InputPollOption objects; older clients (telegraf 4.16) send strings.
    const raw = Array.isArray(body.options) ? (body.options as unknown[]) : [];
    const options = raw.map((o) => (typeof o === 'string' ? o : String((o as { text?: unknown }).text ?? '')));
    if (question.trim() === '') throw bad('poll question must be non-empty');
    if (question.length > QUESTION_MAX) throw bad(`poll question length must not exceed ${QUESTION_MAX}`);
    if (options.length < OPTIONS_MIN) throw bad(`poll must have at least ${OPTIONS_MIN} option`);
    if (options.length > OPTIONS_MAX) throw bad(`poll can't have more than ${OPTIONS_MAX} options`);
    if (options.some((o) => o.trim() === '')) throw bad('poll options must be non-empty');
    if (options.some((o) => o.length > OPTION_MAX)) throw bad(`poll options length must not exceed ${OPTION_MAX}`);
    if (new Set(options).size !== options.length) throw bad('POLL_OPTION_DUPLICATE');
    // Documented defaults: anonymous, one answer.
    const isAnonymous = body.is_anonymous !== false;
    if (chat.type === 'channel' && !isAnonymous) throw bad("non-anonymous polls can't be sent to channel chats");
    // Poll ids are long numeric strings, beyond a double's precision: a bot must keep them as strings.
    const id = `5${String(++this.seq).padStart(18, '0')}`;
    const poll: FakePoll = {
      id,
      question,
      options: options.map((text) => ({ text, voter_count: 0 })),
      total_voter_count: 0,
      is_closed: false,
      is_anonymous: isAnonymous,
      type: body.type === 'quiz' ? 'quiz' : 'regular',
      allows_multiple_answers: body.allows_multiple_answers === true,
    };
    const message = post(poll);
    this.polls.set(id, { poll, chatId: chat.id, messageId: message.message_id, voters: new Map() });
    return message;
  }

  /** stopPoll on the message's poll (undefined: the message has none): the final Poll. */
  stop(poll: FakePoll | undefined): FakePoll {
    if (!poll) throw bad('message with poll to stop not found');
    if (poll.is_closed) throw bad('poll has already been closed');
    poll.is_closed = true;
    return poll;
  }

  /**
   * A user (de)selects answers in the Telegram app; an empty list retracts.
   * The counts change; `notify` says whether the Bot API would tell the bot
   * (a poll_answer exists only for non-anonymous polls). A closed poll takes
   * no answers. Options the app could not offer are a mistake of the test.
   */
  answer(pollId: string, userId: number, optionIds: number[]): { notify: boolean; chatId: number } {
    const entry = this.polls.get(pollId);
    if (!entry) throw new Error(`no poll ${pollId}`);
    const { poll, voters, chatId } = entry;
    if (poll.is_closed) return { notify: false, chatId };
    if (new Set(optionIds).size !== optionIds.length || optionIds.some((i) => !Number.isInteger(i) || i < 0 || i >= poll.options.length))
      throw new Error(`poll ${pollId} has no such options: ${optionIds.join(', ')}`);
    if (optionIds.length > 1 && !poll.allows_multiple_answers) throw new Error(`poll ${pollId} takes one answer`);
    for (const i of voters.get(userId) ?? []) poll.options[i]!.voter_count--;
    for (const i of optionIds) poll.options[i]!.voter_count++;
    if (optionIds.length) voters.set(userId, optionIds);
    else voters.delete(userId);
    poll.total_voter_count = voters.size;
    return { notify: !poll.is_anonymous, chatId };
  }
}

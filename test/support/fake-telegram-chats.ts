import { bad } from './bot-api-error.ts';
import { FakePolls, type FakePoll } from './fake-telegram-polls.ts';

/**
 * The chats behind FakeTelegram: the messages the bot sent (and their edits),
 * its native polls, pins and who administers each chat. Methods answer with
 * the Bot API's documented objects, and refuse what the Bot API refuses with
 * its error (`BotApiError`: HTTP status and description), so a bot that
 * breaks a rule fails here as it would in production.
 */

export type FakeChat = { id: number; type: string; title?: string };
export type FakeUser = { id: number; is_bot: boolean; first_name: string; username?: string };

export interface FakeMessage {
  message_id: number;
  date: number;
  chat: FakeChat;
  from: FakeUser;
  text?: string;
  reply_markup?: unknown;
  poll?: FakePoll;
  edit_date?: number;
}

/** Who runs a group. Unset: nobody is an admin but the bot, which may pin. */
export interface ChatRights {
  owner?: number;
  admins?: number[];
  /** The bot is an administrator (default true). */
  botIsAdmin?: boolean;
  /** The bot's can_pin_messages right (default true; only meaningful when it is an admin). */
  botCanPin?: boolean;
}

const MAX_TEXT = 4096;

const isGroup = (chat: FakeChat) => chat.type === 'group' || chat.type === 'supergroup';
const now = () => Math.floor(Date.now() / 1000);

export class FakeChats {
  private readonly messages = new Map<string, FakeMessage>();
  private readonly edits = new Map<string, number>();
  /** The native polls the bot sent. */
  readonly polls = new FakePolls();
  private readonly pins = new Map<number, number[]>();
  private readonly rights = new Map<number, ChatRights>();
  private readonly chats = new Map<number, FakeChat>();
  private readonly members = new Map<number, Set<number>>();

  constructor(
    private readonly nextMessageId: () => number,
    readonly bot: FakeUser,
  ) {}

  /** A chat the fake has seen (as a user wrote in it), or a stand-in: negative ids are groups. */
  chat(id: number): FakeChat {
    return this.chats.get(id) ?? { id, type: id < 0 ? 'group' : 'private' };
  }

  /** Someone wrote or pressed a button in `chat`: they are a member of it from now on. */
  saw(chat: FakeChat, userId: number): void {
    if (chat.title !== undefined || !this.chats.has(chat.id)) this.chats.set(chat.id, chat);
    const set = this.members.get(chat.id) ?? new Set();
    this.members.set(chat.id, set.add(userId));
  }

  setRights(chatId: number, rights: ChatRights): void {
    this.rights.set(chatId, rights);
  }

  message(chatId: number, messageId: number): FakeMessage | undefined {
    return this.messages.get(`${chatId}:${messageId}`);
  }

  /** Successful edits (text or keyboard) of one message. */
  editsOf(chatId: number, messageId: number): number {
    return this.edits.get(`${chatId}:${messageId}`) ?? 0;
  }

  pinned(chatId: number): number[] {
    return [...(this.pins.get(chatId) ?? [])];
  }

  /** Answers a Bot API method the chats know; undefined for the others. */
  handle(method: string, body: Record<string, unknown>): unknown {
    switch (method) {
      case 'sendMessage':
        return this.sendMessage(body);
      case 'editMessageText':
        return this.edit(body, { text: this.checkText(body.text) });
      case 'editMessageReplyMarkup':
        return this.edit(body, {});
      case 'sendPoll': {
        const chat = this.chat(Number(body.chat_id));
        return this.polls.send(chat, body, (poll) => this.store(chat.id, { poll, reply_markup: body.reply_markup }));
      }
      case 'stopPoll':
        return this.polls.stop(this.message(Number(body.chat_id), Number(body.message_id))?.poll);
      case 'pinChatMessage':
        return this.pin(body);
      case 'getChatMember':
        return this.member(Number(body.chat_id), Number(body.user_id));
      case 'getChatAdministrators':
        return this.administrators(Number(body.chat_id));
      default:
        return undefined;
    }
  }

  private checkText(text: unknown): string {
    const value = String(text ?? '');
    if (value.trim() === '') throw bad('message text is empty');
    if (value.length > MAX_TEXT) throw bad('message is too long');
    return value;
  }

  private store(chatId: number, fields: Partial<FakeMessage>): FakeMessage {
    const message: FakeMessage = { message_id: this.nextMessageId(), date: now(), chat: this.chat(chatId), from: this.bot, ...fields };
    this.messages.set(`${chatId}:${message.message_id}`, message);
    return message;
  }

  private sendMessage(body: Record<string, unknown>): FakeMessage {
    return this.store(Number(body.chat_id), { text: this.checkText(body.text), reply_markup: body.reply_markup });
  }

  /**
   * editMessageText / editMessageReplyMarkup. Telegram refuses an edit that
   * changes nothing ("message is not modified"). Messages the fake did not
   * send (tests press buttons on made-up message ids) are taken as they come.
   */
  private edit(body: Record<string, unknown>, change: { text?: string }): unknown {
    if (body.inline_message_id !== undefined) {
      const key = `inline:${String(body.inline_message_id)}`;
      this.edits.set(key, (this.edits.get(key) ?? 0) + 1);
      return true;
    }
    const chatId = Number(body.chat_id);
    const key = `${chatId}:${Number(body.message_id)}`;
    const known = this.messages.get(key);
    const next: FakeMessage = { ...(known ?? { message_id: Number(body.message_id), date: now(), chat: this.chat(chatId), from: this.bot }) };
    if (change.text !== undefined) next.text = change.text;
    // Both methods replace the inline keyboard; one left out is removed.
    next.reply_markup = body.reply_markup;
    if (known?.poll && change.text !== undefined) throw bad('there is no text in the message to edit');
    if (known && known.text === next.text && JSON.stringify(known.reply_markup) === JSON.stringify(next.reply_markup))
      throw bad(
        'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    next.edit_date = now();
    this.messages.set(key, next);
    this.edits.set(key, (this.edits.get(key) ?? 0) + 1);
    return next;
  }

  private canPin(chatId: number): boolean {
    const rights = this.rights.get(chatId) ?? {};
    return !isGroup(this.chat(chatId)) || ((rights.botIsAdmin ?? true) && (rights.botCanPin ?? true));
  }

  private pin(body: Record<string, unknown>): true {
    const chatId = Number(body.chat_id);
    const messageId = Number(body.message_id);
    if (!this.canPin(chatId)) throw bad('not enough rights to manage pinned messages in the chat');
    if (!this.messages.has(`${chatId}:${messageId}`)) throw bad('message to pin not found');
    this.pins.set(chatId, [...this.pinned(chatId).filter((id) => id !== messageId), messageId]);
    return true;
  }

  private member(chatId: number, userId: number): unknown {
    const rights = this.rights.get(chatId) ?? {};
    const user: FakeUser = userId === this.bot.id ? this.bot : { id: userId, is_bot: false, first_name: 'U', username: `user${userId}` };
    if (userId === rights.owner) return { status: 'creator', user, is_anonymous: false };
    const botAdmin = userId === this.bot.id && (rights.botIsAdmin ?? true) && isGroup(this.chat(chatId));
    if (botAdmin || rights.admins?.includes(userId)) return administrator(user, botAdmin ? this.canPin(chatId) : true);
    if (userId === this.bot.id || this.members.get(chatId)?.has(userId)) return { status: 'member', user };
    return { status: 'left', user };
  }

  private administrators(chatId: number): unknown[] {
    if (!isGroup(this.chat(chatId))) throw bad('there are no administrators in the private chat');
    const rights = this.rights.get(chatId) ?? {};
    const ids = [...(rights.owner === undefined ? [] : [rights.owner]), ...(rights.admins ?? []), ...((rights.botIsAdmin ?? true) ? [this.bot.id] : [])];
    return [...new Set(ids)].map((id) => this.member(chatId, id));
  }
}

function administrator(user: FakeUser, canPin: boolean) {
  return {
    status: 'administrator',
    user,
    can_be_edited: false,
    is_anonymous: false,
    can_manage_chat: true,
    can_delete_messages: true,
    can_manage_video_chats: true,
    can_restrict_members: true,
    can_promote_members: false,
    can_change_info: true,
    can_invite_users: true,
    can_pin_messages: canPin,
  };
}

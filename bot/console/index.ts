export { ChatSession } from './chat-session.ts';

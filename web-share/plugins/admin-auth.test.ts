import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ADMIN_COOKIE, adminAuth } from './admin-auth.ts';

const TOKEN = 'admin-token-0123456789abcdef';

async function gatedApp(options: { https?: boolean; trustProxy?: boolean; now?: () => number; sessionMs?: number }) {
  const app = Fastify({ trustProxy: options.trustProxy ?? false });
  await app.register(async (scope) => {
    scope.addHook(
      'onRequest',
      adminAuth({ token: TOKEN, path: '/admin/queues', https: options.https ?? false, now: options.now, sessionMs: options.sessionMs }),
    );
    scope.get('/admin/queues', async () => 'board');
  });
  return app;
}

const login = async (app: Awaited<ReturnType<typeof gatedApp>>, headers: Record<string, string> = {}) =>
  String((await app.inject({ url: `/admin/queues?token=${TOKEN}`, headers })).headers['set-cookie']);

describe('admin sign-in', () => {
  it('a session cookie stops working when it expires', async () => {
    let clock = 1_000_000;
    const app = await gatedApp({ now: () => clock, sessionMs: 60_000 });
    const session = (await login(app)).split(';')[0]!;
    expect((await app.inject({ url: '/admin/queues', headers: { cookie: session } })).body).toBe('board');
    clock += 59_000;
    expect((await app.inject({ url: '/admin/queues', headers: { cookie: session } })).statusCode).toBe(200);
    clock += 2_000;
    expect((await app.inject({ url: '/admin/queues', headers: { cookie: session } })).statusCode).toBe(401);
  });

  it('the cookie is Secure when the site is https, or the request came over https through a trusted proxy', async () => {
    expect(await login(await gatedApp({ https: true }))).toMatch(/; Secure$/);
    const proxied = await gatedApp({ trustProxy: true });
    expect(await login(proxied, { 'x-forwarded-proto': 'https' })).toMatch(/; Secure$/);
    expect(await login(proxied)).not.toContain('Secure');
  });

  it('a session made with another token is refused: changing ADMIN_TOKEN signs everyone out', async () => {
    const app = await gatedApp({});
    const other = Fastify();
    await other.register(async (scope) => {
      scope.addHook('onRequest', adminAuth({ token: 'another-token-0123456789abcdef', path: '/admin/queues', https: false }));
      scope.get('/admin/queues', async () => 'board');
    });
    const foreign = String((await other.inject({ url: '/admin/queues?token=another-token-0123456789abcdef' })).headers['set-cookie']).split(';')[0]!;
    expect(foreign.startsWith(`${ADMIN_COOKIE}=`)).toBe(true);
    expect((await app.inject({ url: '/admin/queues', headers: { cookie: foreign } })).statusCode).toBe(401);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

/** The operations settings: METRICS_PORT (worker and bot /metrics) and ADMIN_TOKEN (queue dashboard). */
describe('operations config', () => {
  const problem = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as ConfigError).problems;
    }
    throw new Error('expected a ConfigError');
  };

  it('both are off unless set; blank counts as unset', () => {
    expect(loadConfig({})).toMatchObject({ metricsPort: undefined, adminToken: undefined });
    expect(loadConfig({ METRICS_PORT: ' ', ADMIN_TOKEN: '' })).toMatchObject({ metricsPort: undefined, adminToken: undefined });
  });

  it('takes a port and a long token', () => {
    const token = 'a'.repeat(12) + '-_.~!0123456789';
    expect(loadConfig({ METRICS_PORT: '9100', ADMIN_TOKEN: ` ${token} ` })).toMatchObject({ metricsPort: 9100, adminToken: token });
  });

  it.each(['0', '65536', '91OO', '-1', '9100.5'])('METRICS_PORT=%s is refused, naming the variable', (value) => {
    expect(problem({ METRICS_PORT: value })).toEqual([{ variable: 'METRICS_PORT', message: 'must be a whole number from 1 to 65535' }]);
  });

  it.each([
    ['short', 'too-short-token'],
    ['a space inside', 'abcdefghijkl mnopqrstuvwxyz'],
    ['non-ASCII', 'ééééééééééééééééééééééééé'],
  ])('ADMIN_TOKEN with %s is refused, naming the variable', (_why, value) => {
    const [p] = problem({ ADMIN_TOKEN: value });
    expect(p!.variable).toBe('ADMIN_TOKEN');
    expect(p!.message).toContain('24–256 characters');
  });
});

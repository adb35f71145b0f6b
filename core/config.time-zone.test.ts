import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

/** TZ: movie nights' default zone, checked at boot so a typo does not show every night in UTC. */
describe('TZ', () => {
  it('is unset (UTC) when empty, and stored as the time-zone database spells it', () => {
    expect(loadConfig({}).timeZone).toBeUndefined();
    expect(loadConfig({ TZ: ' ' }).timeZone).toBeUndefined();
    expect(loadConfig({ TZ: 'europe/berlin' }).timeZone).toBe('Europe/Berlin');
    expect(loadConfig({ TZ: ':America/New_York' }).timeZone).toBe('America/New_York');
    expect(loadConfig({ TZ: 'utc' }).timeZone).toBe('UTC');
  });

  it('refuses a name that is no time zone, naming the variable', () => {
    let problems: ConfigError['problems'] = [];
    try {
      loadConfig({ TZ: 'Mars/Olympus' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      problems = (err as ConfigError).problems;
    }
    expect(problems).toEqual([{ variable: 'TZ', message: expect.stringContaining('Europe/Berlin') }]);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

/** RETRAIN_CRON: checked at boot by the parser BullMQ's scheduler uses, not at its first upsert. */
describe('RETRAIN_CRON', () => {
  const problems = (value: string) => {
    try {
      loadConfig({ RETRAIN_CRON: value });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as ConfigError).problems;
    }
    throw new Error(`expected RETRAIN_CRON=${value} to be refused`);
  };

  it('defaults to 03:00 nightly; off turns it off; 5 or 6 fields are taken', () => {
    expect(loadConfig({}).retrainCron).toBe('0 3 * * *');
    expect(loadConfig({ RETRAIN_CRON: ' off ' }).retrainCron).toBeNull();
    expect(loadConfig({ RETRAIN_CRON: '30 2 * * MON-FRI' }).retrainCron).toBe('30 2 * * MON-FRI');
    expect(loadConfig({ RETRAIN_CRON: '*/10 * * * * *' }).retrainCron).toBe('*/10 * * * * *');
  });

  it.each([
    ['out-of-range minute and hour', '99 99 * * *', 'Constraint error'],
    ['a day of week past 7', '0 3 * * 8', 'Constraint error'],
    ['a step of 0', '*/0 * * * *', 'cannot repeat'],
    ['a word that is no month', '0 3 * FOO *', '"0 3 * FOO *" is not valid'],
    ['too few fields', '0 3 * *', '4 fields'],
    ['too many fields', '0 0 3 * * * *', '7 fields'],
    ['nothing', '', '1 field'],
  ])('%s is refused, naming the variable and the problem', (_why, value, detail) => {
    const found = problems(value);
    expect(found).toHaveLength(1);
    expect(found[0]!.variable).toBe('RETRAIN_CRON');
    expect(found[0]!.message).toContain(detail);
    expect(found[0]!.message).toContain('"0 3 * * *"');
    expect(found[0]!.message).toContain('or off');
  });

  it('the message printed at boot names the variable', () => {
    expect(() => loadConfig({ RETRAIN_CRON: '99 99 * * *' })).toThrow(
      /RETRAIN_CRON: "99 99 \* \* \*" is not valid \(Constraint error, got value 99 expected range 0-59\)/,
    );
  });
});

import { describe, expect, it, vi } from 'vitest';
import { DeadlineExceededError, withDeadline } from './deadline.ts';

describe('withDeadline', () => {
  it('passes a result or a failure through when the work is on time', async () => {
    await expect(withDeadline(Promise.resolve(42), 1_000)).resolves.toBe(42);
    const err = new Error('connection refused');
    await expect(withDeadline(Promise.reject(err), 1_000)).rejects.toBe(err);
  });

  it('rejects at the deadline while the work hangs, and a late failure of the work is not unhandled', async () => {
    vi.useFakeTimers();
    try {
      let fail!: (e: Error) => void;
      const hanging = new Promise<number>((_, reject) => (fail = reject));
      const answer = withDeadline(hanging, 4_000, 'recommend');
      const outcome = answer.then(
        () => 'answered',
        (e: unknown) => e,
      );
      await vi.advanceTimersByTimeAsync(3_999);
      expect(await Promise.race([outcome, Promise.resolve('pending')])).toBe('pending');
      await vi.advanceTimersByTimeAsync(1);
      const err = await outcome;
      expect(err).toBeInstanceOf(DeadlineExceededError);
      expect((err as Error).message).toBe('recommend took longer than 4000 ms');
      const unhandled = vi.fn();
      process.on('unhandledRejection', unhandled);
      fail(new Error('Query read timeout'));
      await vi.advanceTimersByTimeAsync(10);
      process.off('unhandledRejection', unhandled);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});

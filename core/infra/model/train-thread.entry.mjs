// The training thread's entry (see train-thread.ts). The code is TypeScript run through tsx: a
// thread starts without the parent's loader hooks (on Node 20 `register()` reaches the main
// thread only), so they are registered here unless the thread already has them (`--import tsx`).
const job = new URL('./train-thread.job.ts', import.meta.url).href;
try {
  await import(job);
} catch (err) {
  if (err?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw err;
  const { register } = await import('tsx/esm/api');
  register();
  // Another URL: the failed import stays cached under the first one.
  await import(`${job}?tsx`);
}

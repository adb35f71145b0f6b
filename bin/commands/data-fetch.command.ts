import type { Command } from 'commander';
import { fetchRelease, formatBytes, RELEASE_NAMES } from '../../data/index.ts';
import { boot } from '../runtime/boot.ts';
import { say } from '../runtime/output.ts';

export function registerDataFetchCommand(data: Command): void {
  data
    .command('fetch')
    .description('download a MovieLens release from GroupLens, verify its checksum and unpack it under DATA_DIR')
    .argument('[release]', `one of ${RELEASE_NAMES.join(', ')}`, 'ml-latest-small')
    .option('--base-url <url>', 'where the releases are published (default: MOVIELENS_BASE_URL)')
    .option('--no-verify', 'skip the MD5 check (only for mirrors that publish no .md5)')
    .action(async (release: string, opts: { baseUrl?: string; verify: boolean }) => {
      const { config } = boot('data-fetch');
      const fetched = await fetchRelease({
        release,
        baseUrl: opts.baseUrl ?? config.movielensBaseUrl,
        dataDir: config.dataDir,
        verify: opts.verify,
        log: say,
      });
      say(`${release} is in ${fetched.dir} (${formatBytes(fetched.bytes)}, md5 ${fetched.md5}).`);
      say(`Import it with: moviebot data import --from ${fetched.dir}`);
    });
}

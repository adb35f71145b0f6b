import { DatasetError } from '../dataset/types.ts';

/**
 * The MovieLens releases GroupLens publishes as `${baseUrl}/${name}.zip`, and
 * the folder each zip unpacks to. Only ml-10m breaks the pattern: its zip
 * holds `ml-10M100K/`, and the importer looks for that folder name.
 */
const FOLDERS = {
  'ml-latest-small': 'ml-latest-small',
  'ml-latest': 'ml-latest',
  'ml-100k': 'ml-100k',
  'ml-1m': 'ml-1m',
  'ml-10m': 'ml-10M100K',
  'ml-20m': 'ml-20m',
  'ml-25m': 'ml-25m',
  'ml-32m': 'ml-32m',
} as const;

export type ReleaseName = keyof typeof FOLDERS;

export const RELEASE_NAMES = Object.keys(FOLDERS) as ReleaseName[];

export interface Release {
  name: ReleaseName;
  /** Folder name under DATA_DIR once unpacked. */
  folder: string;
  zipUrl: string;
  md5Url: string;
}

export function resolveRelease(name: string, baseUrl: string): Release {
  if (!Object.hasOwn(FOLDERS, name)) {
    throw new DatasetError(`unknown MovieLens release "${name}"; choose one of: ${RELEASE_NAMES.join(', ')}`);
  }
  const release = name as ReleaseName;
  // The config default has no trailing slash, but a user-set base URL may.
  const base = baseUrl.replace(/\/+$/, '');
  return {
    name: release,
    folder: FOLDERS[release],
    zipUrl: `${base}/${release}.zip`,
    md5Url: `${base}/${release}.zip.md5`,
  };
}

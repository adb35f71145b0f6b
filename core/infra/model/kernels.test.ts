import fs from 'node:fs';
import { expect, it } from 'vitest';
import { binaryOf, compileKernel, KERNELS } from './kernels.build.ts';

it.each(KERNELS)('the committed %s.wasm is what its .wat compiles to (npm run build:wasm)', async (kernel) => {
  expect(Buffer.from(await compileKernel(kernel)).equals(fs.readFileSync(binaryOf(kernel)))).toBe(true);
});

import fs from 'node:fs';
import { expect, it } from 'vitest';
import { compileScanKernel, KERNEL_BINARY } from './scan-kernel.build.ts';

it('the committed scan-kernel.wasm is what scan-kernel.wat compiles to (npm run build:wasm)', async () => {
  expect(Buffer.from(await compileScanKernel()).equals(fs.readFileSync(KERNEL_BINARY))).toBe(true);
});

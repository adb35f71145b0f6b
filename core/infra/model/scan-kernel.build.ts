/**
 * npm run build:wasm — compiles scan-kernel.wat into scan-kernel.wasm (the
 * binary is committed, so installing or running the bot needs no compiler;
 * scan-kernel.test.ts fails when the two disagree).
 */
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

export const KERNEL_SOURCE = fileURLToPath(new URL('./scan-kernel.wat', import.meta.url));
export const KERNEL_BINARY = fileURLToPath(new URL('./scan-kernel.wasm', import.meta.url));

export async function compileScanKernel(): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat(KERNEL_SOURCE, await fs.readFile(KERNEL_SOURCE, 'utf8'), { simd: true });
  try {
    module.validate();
    return Uint8Array.from(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const binary = await compileScanKernel();
  await fs.writeFile(KERNEL_BINARY, binary);
  console.log(`${KERNEL_BINARY}: ${binary.byteLength} bytes`);
}

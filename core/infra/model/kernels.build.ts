/**
 * npm run build:wasm — compiles each WebAssembly kernel's source (.wat) into
 * its .wasm beside it. The binaries are committed, so installing or running
 * the bot needs no compiler; kernels.test.ts fails when one disagrees with
 * its source.
 */
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

/** The kernels, by the name of their .wat/.wasm pair in this folder. */
export const KERNELS = ['scan-kernel', 'dot-kernel'] as const;

export const binaryOf = (kernel: string) => fileURLToPath(new URL(`./${kernel}.wasm`, import.meta.url));

export async function compileKernel(kernel: string): Promise<Uint8Array> {
  const source = fileURLToPath(new URL(`./${kernel}.wat`, import.meta.url));
  const wabt = await wabtInit();
  const module = wabt.parseWat(source, await fs.readFile(source, 'utf8'), { simd: true });
  try {
    module.validate();
    return Uint8Array.from(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const kernel of KERNELS) {
    const binary = await compileKernel(kernel);
    await fs.writeFile(binaryOf(kernel), binary);
    console.log(`${binaryOf(kernel)}: ${binary.byteLength} bytes`);
  }
}

import fs from 'node:fs';

const PAGE = 65_536;
const modules = new Map<string, WebAssembly.Module>();

/**
 * A new instance of one of this folder's kernels (scan-kernel, dot-kernel:
 * the .wasm built from its .wat), its memory grown to hold `bytes`. The
 * module is compiled once per process; each instance has its own memory.
 */
export function instantiateKernel<T>(name: string, bytes: number): T & { memory: WebAssembly.Memory } {
  let module = modules.get(name);
  if (!module) modules.set(name, (module = new WebAssembly.Module(fs.readFileSync(new URL(`./${name}.wasm`, import.meta.url)))));
  const exports = new WebAssembly.Instance(module, {}).exports as unknown as T & { memory: WebAssembly.Memory };
  exports.memory.grow(Math.ceil(bytes / PAGE));
  return exports;
}

/** `bytes` rounded up to a multiple of 16, where a v128 load may start. */
export const aligned = (bytes: number) => Math.ceil(bytes / 16) * 16;

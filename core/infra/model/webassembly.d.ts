/**
 * The part of the WebAssembly JS API that scan-index.ts uses. Node has all of
 * it; this project's types (lib ES2023 and @types/node 20, no DOM) declare none.
 */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: ArrayBufferView | ArrayBuffer);
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, unknown>);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    readonly buffer: ArrayBuffer;
    grow(pages: number): number;
  }
}

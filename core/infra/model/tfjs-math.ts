import type * as TfModule from '@tensorflow/tfjs';
import type { DenseMath } from '../../domain/recommender/dense-math.ts';

type Tf = typeof TfModule;

let loaded: Promise<{ tf: Tf; backend: string }> | undefined;

/**
 * TensorFlow.js for training's dense products: the native tfjs-node backend
 * where it installed (it downloads libtensorflow, an optional dependency),
 * else pure TF.js on the WebAssembly backend, else TF.js's JS cpu backend.
 */
export function loadTensorFlow(): Promise<{ tf: Tf; backend: string }> {
  loaded ??= (async () => {
    try {
      const tf = (await import('@tensorflow/tfjs-node' as string)) as Tf;
      return { tf, backend: 'tensorflow (tfjs-node)' };
    } catch {
      const tf = await import('@tensorflow/tfjs');
      try {
        await import('@tensorflow/tfjs-backend-wasm');
        if (await tf.setBackend('wasm')) return { tf, backend: 'wasm (tfjs-backend-wasm)' };
      } catch {
        // fall through to the JS backend
      }
      await tf.setBackend('cpu');
      return { tf, backend: 'cpu (tfjs pure JS)' };
    }
  })();
  return loaded;
}

export async function tensorflowMath(): Promise<DenseMath> {
  const { tf, backend } = await loadTensorFlow();
  const run = (a: Float32Array, aShape: [number, number], b: Float32Array, bShape: [number, number], transposeA: boolean) =>
    tf.tidy(() => tf.matMul(tf.tensor2d(a, aShape), tf.tensor2d(b, bShape), transposeA, false).dataSync() as Float32Array);
  return {
    backend,
    async transposeTimes(a, b, k, m, n) {
      return Float32Array.from(run(a, [k, m], b, [k, n], true));
    },
    async times(a, b, m, k, n) {
      return Float32Array.from(run(a, [m, k], b, [k, n], false));
    },
  };
}

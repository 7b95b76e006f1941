import { ref } from 'vue';
import { ApiError } from './http';

/**
 * A step that calls the API, the one way every page and dialog runs one: `busy` while it runs, and
 * the server's sentence (or `fallback`) in `error` when it fails. `run` gives the step's result, or
 * undefined when it failed.
 */
export function useApiStep(fallback: string) {
  const busy = ref(false);
  const error = ref('');
  async function run<T>(step: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    error.value = '';
    try {
      return await step();
    } catch (cause) {
      error.value = cause instanceof ApiError ? cause.message : fallback;
      return undefined;
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, run };
}

import { ref } from 'vue';
import { ApiError } from '../../api/http';

/** A step that calls the API: `busy` while it runs, and the server's sentence (or `fallback`) in `error` when it fails. */
export function useApiStep(fallback: string) {
  const busy = ref(false);
  const error = ref('');
  async function run(step: () => Promise<void>): Promise<void> {
    busy.value = true;
    error.value = '';
    try {
      await step();
    } catch (cause) {
      error.value = cause instanceof ApiError ? cause.message : fallback;
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, run };
}

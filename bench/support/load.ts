import autocannon from 'autocannon';

/** What one load run measured. */
export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

/**
 * Sends each of `bodies` once (in order, across `connections` keep-alive connections) with
 * autocannon, and reports throughput and latency.
 */
export async function load(url: string, requests: Array<{ path: string; body: string }>, connections: number): Promise<LoadResult> {
  let next = 0;
  const started = process.hrtime.bigint();
  const result = await autocannon({
    url,
    connections,
    amount: requests.length,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        setupRequest: (request) => {
          const chosen = requests[next % requests.length]!;
          next += 1;
          return { ...request, method: 'POST', path: chosen.path, body: chosen.body };
        },
      },
    ],
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const done = result.requests.total;
  return {
    requests: done,
    seconds,
    perSecond: done / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * A fixed-window counter per key, in process memory. Enough for one node or a few behind a
 * sticky load balancer; a shared store is the scale path.
 */
export type RateLimiter = {
  hit(
    key: string,
    max: number,
    windowMs: number,
    nowMs: number,
  ): { allowed: boolean; retryAfterSeconds: number };
};

export function createRateLimiter(): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  let lastSweep = 0;
  return {
    hit(key, max, windowMs, nowMs) {
      if (nowMs - lastSweep > 60_000) {
        for (const [k, w] of windows) if (nowMs - w.startedAt > 3_600_000) windows.delete(k);
        lastSweep = nowMs;
      }
      const current = windows.get(key);
      if (!current || nowMs - current.startedAt >= windowMs) {
        windows.set(key, { startedAt: nowMs, count: 1 });
        return { allowed: true, retryAfterSeconds: 0 };
      }
      current.count += 1;
      const retryAfterSeconds = Math.ceil((current.startedAt + windowMs - nowMs) / 1000);
      return { allowed: current.count <= max, retryAfterSeconds };
    },
  };
}

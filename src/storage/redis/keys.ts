/** Every Redis key Yishi writes is built here, under one prefix per deployment (or per test file). */
export function redisKeys(prefix: string) {
  return {
    claim: (key: string) => `${prefix}claim:${key}`,
    lock: (name: string) => `${prefix}lock:${name}`,
    bucket: (name: string) => `${prefix}bucket:${name}`,
    state: (key: string) => `${prefix}state:${key}`,
    feed: (name: string) => `${prefix}feed:${name}`,
    session: (idHash: string) => `${prefix}session:${idHash}`,
    memberSessions: (memberId: string) => `${prefix}member-sessions:${memberId}`,
  };
}

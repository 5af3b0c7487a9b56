/**
 * What a run records about a cached step, apart from the run-cache itself (step-cache.ts): a run
 * whose steps declare no `cache:` reads this module only, not the cache's code and the glob library
 * it loads.
 */

export interface StepCacheRecord {
  key: string
  restored: boolean
}

/** The lineage's `stepCache` entries: the cached steps' keys and whether each was restored. */
export function stepCacheLineage(records: { id: string; cache?: StepCacheRecord }[]): { stepCache?: ({ step: string } & StepCacheRecord)[] } {
  const cached = records.filter(r => r.cache !== undefined).map(r => ({ step: r.id, ...r.cache! }))
  return cached.length > 0 ? { stepCache: cached } : {}
}

import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);

// src/engine/step-cache-record.ts
function stepCacheLineage(records) {
  const cached = records.filter((r) => r.cache !== void 0).map((r) => ({ step: r.id, ...r.cache }));
  return cached.length > 0 ? { stepCache: cached } : {};
}

export {
  stepCacheLineage
};

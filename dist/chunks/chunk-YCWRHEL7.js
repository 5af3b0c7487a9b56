import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);

// src/engine/hashing-tap.ts
import { createHash } from "node:crypto";
import { Transform } from "node:stream";
function hashingTap() {
  const hash = createHash("sha256");
  let size = 0;
  const tap = new Transform({
    transform(chunk, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    }
  });
  return { tap, result: () => ({ sha256: hash.digest("hex"), size }) };
}

export {
  hashingTap
};

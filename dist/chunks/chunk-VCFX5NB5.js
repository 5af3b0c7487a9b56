import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  CsvError
} from "./chunk-SZN266LI.js";

// src/csv/read.ts
function checkHeader(header, file, line) {
  const first = /* @__PURE__ */ new Map();
  header.forEach((name, c) => {
    const earlier = first.get(name);
    if (earlier !== void 0) {
      throw new CsvError(`${file}:${line}: column ${c + 1} repeats the header ${JSON.stringify(name)} of column ${earlier + 1}; give every column its own name`);
    }
    first.set(name, c);
  });
}

export {
  checkHeader
};

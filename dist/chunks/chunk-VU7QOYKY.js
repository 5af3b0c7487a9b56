import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);

// src/engine/manifest.ts
var MANIFEST_SCHEMA_VERSION = 1;
var BUNDLE_ARCHIVE = "model.tar";
var BUNDLE_MANIFEST = "manifest.json";

export {
  MANIFEST_SCHEMA_VERSION,
  BUNDLE_ARCHIVE,
  BUNDLE_MANIFEST
};

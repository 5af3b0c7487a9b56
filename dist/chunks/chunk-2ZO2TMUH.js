import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  fingerprintData
} from "./chunk-HY75VF2P.js";
import {
  readManifest
} from "./chunk-EXJF7ZSL.js";
import {
  compareInput,
  profileData
} from "./chunk-K4KD3TBO.js";
import {
  InputError,
  IntegrityError
} from "./chunk-OLTTSRKB.js";

// src/engine/drift-command.ts
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
async function championProfile(registry, snapshot, scratch) {
  return (await championManifest(registry, snapshot, scratch)).lineage.dataProfile ?? null;
}
async function championManifest(registry, snapshot, scratch) {
  const version = snapshot.champion;
  const manifest = await readManifest(await registry.fetchManifest(snapshot.model, version, path.join(scratch, `champion-v${version}`)));
  const expected = snapshot.versions.find((v) => v.version === version)?.digest;
  if (manifest.digest !== expected) {
    throw new IntegrityError(
      `the champion's bundle (version ${version}) has digest ${manifest.digest}, but the registry recorded ${expected ?? "none"}; its profile is not used`,
      "champion-digest-mismatch"
    );
  }
  return manifest;
}
function driftReport(reference, passes, policy, championVersion) {
  const inputs = policy.inputs.map((name) => compareInput(name, reference.inputs[name], passes.get(name), policy));
  return {
    // An input that could not be compared at all (not profiled on either side, or not in the
    // champion's profile) counts as drifted: data that was not compared is never "nothing drifted",
    // and a workflow that retrains when `drifted` is true retrains, as `retrain-when: drift` goes ahead.
    drifted: inputs.some((i) => i.features.some((f) => f.drifted) || uncompared(i)),
    championVersion,
    thresholds: { psi: policy.psi, ksP: policy.ksP, chi2P: policy.chi2P },
    inputs
  };
}
function uncompared(input) {
  return input.skipped !== void 0 && input.features.length === 0;
}
var NO_PROFILE = "the champion's bundle has no data profile (it was made by a retrain-action version without profiles); the next run that stores a version records one";
async function measureDrift(spec, registry, params, github = {}, policy = spec.drift) {
  const snapshot = await registry.snapshot(spec.model);
  if (snapshot.champion === null) {
    throw new InputError(
      [{ message: `${spec.model} has no champion yet: there is no profile to compare the data with; run a retraining first` }],
      "no-champion"
    );
  }
  const scratch = await mkdtemp(path.join(os.tmpdir(), "retrain-drift-"));
  try {
    const reference = await championProfile(registry, snapshot, scratch);
    if (reference === null) throw new InputError([{ message: NO_PROFILE }], "no-profile");
    const all = await fingerprintData(spec.root, spec.data, { params, github });
    const data = policy.inputs.map((name) => all[name]);
    const { passes } = await profileData(spec.root, data, reference.inputs);
    return driftReport(reference, passes, policy, snapshot.champion);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

export {
  championProfile,
  championManifest,
  driftReport,
  uncompared,
  NO_PROFILE,
  measureDrift
};

import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  markOwner,
  ownerGone
} from "./chunk-2ZGUN4MZ.js";
import {
  unpackBundle
} from "./chunk-EXJF7ZSL.js";
import "./chunk-MJDWC35A.js";
import {
  preview
} from "./chunk-KVC4UYSJ.js";
import {
  prunedNote
} from "./chunk-Y5FENO7Y.js";
import "./chunk-3ETRHALN.js";
import "./chunk-VU7QOYKY.js";
import {
  InputError,
  IntegrityError
} from "./chunk-OLTTSRKB.js";
import "./chunk-SR7XTCTO.js";

// src/engine/fetch-command.ts
import { randomBytes } from "node:crypto";
import { lstat, mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
async function fetchVersion(registry, model, version, dest) {
  const snapshot = await registry.snapshot(model);
  const chosen = version ?? snapshot.champion;
  if (chosen === null) {
    const known = snapshot.versions.length === 0 ? "it has no versions" : `its versions: ${snapshot.versions.map((v) => v.version).join(", ")}`;
    throw new InputError([{ message: `${model} has no champion to fetch (${known}); name a version` }], "no-champion");
  }
  const record = snapshot.versions.find((v) => v.version === chosen);
  if (!record) {
    const known = snapshot.versions.map((v) => v.version).join(", ") || "none";
    throw new InputError([{ message: `${model} has no version ${chosen} (versions: ${known})` }], "unknown-version");
  }
  const target = path.resolve(dest.replaceAll("{version}", String(chosen)));
  await emptyOrAbsent(target);
  await mkdir(path.dirname(target), { recursive: true });
  await removeAbandonedPartials(path.dirname(target));
  const partial = `${target}${PARTIAL_INFIX}${randomBytes(4).toString("hex")}`;
  await mkdir(partial);
  const unpacked = path.join(partial, "model");
  try {
    await markOwner(partial);
    const manifest = await (async () => unpackBundle(await registry.fetchBundle(model, chosen, path.join(partial, "bundle")), unpacked))().catch(
      async (err) => {
        const now = await registry.snapshot(model).then(
          (s) => s.versions.find((v) => v.version === chosen),
          () => void 0
        );
        if (now?.pruned && !record.pruned) throw new InputError([{ message: `${model} version ${chosen}: ${prunedNote(now.pruned)}` }], "bundle-pruned");
        throw err;
      }
    );
    if (manifest.digest !== record.digest) {
      throw new IntegrityError(
        `${model} version ${chosen}'s bundle has digest ${manifest.digest}, but the registry recorded ${record.digest}: it was replaced after it was stored, so it is not used`,
        "digest-mismatch"
      );
    }
    await rename(unpacked, target).catch(async (err) => {
      if (err.code === "ENOTEMPTY" || err.code === "EEXIST" || err.code === "ENOTDIR") await emptyOrAbsent(target);
      throw err;
    });
    return {
      model,
      version: chosen,
      champion: snapshot.champion === chosen,
      status: record.status,
      dir: target,
      digest: manifest.digest,
      files: manifest.files.length,
      links: manifest.links.length,
      bytes: manifest.files.reduce((sum, f) => sum + f.size, 0),
      lineage: manifest.lineage
    };
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}
var PARTIAL_INFIX = ".partial-";
var PARTIAL_NAME = /\.partial-[0-9a-f]{8}$/;
async function removeAbandonedPartials(dir) {
  const names = await readdir(dir).catch(() => []);
  for (const name of names.filter((n) => PARTIAL_NAME.test(n))) {
    const partial = path.join(dir, name);
    if (await ownerGone(partial)) await rm(partial, { recursive: true, force: true }).catch(() => void 0);
  }
}
async function emptyOrAbsent(dir) {
  if ((await lstat(dir).catch(() => null))?.isSymbolicLink()) {
    throw new InputError([{ message: `${dir} is a symbolic link; name a new or empty directory (the link's target, say)` }], "unsafe-destination");
  }
  let names;
  try {
    names = await readdir(dir);
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT") return;
    if (code === "ENOTDIR") throw new InputError([{ message: `${dir} exists and is not a directory; name a new or empty directory` }], "unsafe-destination");
    throw err;
  }
  if (names.length > 0) {
    throw new InputError([{ message: `${dir} is not empty (${preview(names.slice(0, 3).join(", "))}); name a new or empty directory` }], "unsafe-destination");
  }
}
function renderFetch(outcome, shown) {
  const { lineage } = outcome;
  const lines = [
    `Fetched ${outcome.model} version ${outcome.version} (${outcome.champion ? "the champion" : outcome.status}) into ${shown}: ${outcome.files} file${outcome.files === 1 ? "" : "s"}${outcome.links ? `, ${outcome.links} link${outcome.links === 1 ? "" : "s"}` : ""}, ${outcome.bytes} byte${outcome.bytes === 1 ? "" : "s"}, digest ${outcome.digest.slice(0, 12)}, verified against the registry`,
    `  trained ${lineage.createdAt}${lineage.gitCommit ? ` at commit ${lineage.gitCommit.slice(0, 12)}` : ""}, ` + (lineage.warmStart.source === "champion" ? `warm-started from version ${lineage.parentVersion ?? "?"}` : `cold${lineage.warmStart.reason ? ` (${lineage.warmStart.reason})` : ""}`)
  ];
  return lines.join("\n");
}
export {
  fetchVersion,
  renderFetch
};

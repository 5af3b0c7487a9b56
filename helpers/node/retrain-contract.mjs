// The warm-start contract in one call for Node training scripts. Copy this file next to your
// script, or import it from the installed package (retrain-action/helpers/node/retrain-contract.mjs).
//
//   import { baselineDir, confirmWarmStart, coldStart } from './retrain-contract.mjs'
//   const from = baselineDir()            // null on a first model
//   if (from) { load(from); confirmWarmStart() } else { ... }
import { writeFileSync } from 'node:fs'

function reportFile() {
  return process.env.RETRAIN_TRAINING_REPORT || null
}

/** The champion's unpacked model directory, or null when there is no champion (a first model). */
export function baselineDir() {
  return process.env.RETRAIN_BASELINE_DIR || null
}

/**
 * Confirms that training started from the champion's bundle: call it after loading the champion's
 * state from baselineDir(). Without it, `warm-start: required` fails the run.
 */
export function confirmWarmStart(extra = {}) {
  const file = reportFile()
  const from = process.env.RETRAIN_BASELINE_DIGEST
  if (!file || !from) return
  writeFileSync(file, JSON.stringify({ ...extra, warmStart: true, from, packages: { node: process.version, ...(extra.packages ?? {}) } }, null, 2) + '\n')
}

/** Says that training started from scratch, and why (an incompatible champion, a new schema). */
export function coldStart(reason) {
  const file = reportFile()
  if (file) writeFileSync(file, JSON.stringify({ warmStart: false, reason: String(reason) }, null, 2) + '\n')
}

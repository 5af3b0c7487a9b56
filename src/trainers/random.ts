/**
 * Seeded randomness whose whole state is one 32-bit integer, so a bundle can store it and a warm
 * start can continue the very same stream (what makes k more epochs from a bundle equal n + k in one go).
 */

/** mulberry32: returns the next value in [0, 1) and advances `state.value`. */
export function nextRandom(state: { value: number }): number {
  state.value = (state.value + 0x6d2b79f5) >>> 0
  let t = state.value
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** Fisher-Yates shuffle of `order` in place, drawing from `state`. */
export function shuffle(order: Uint32Array, state: { value: number }): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(nextRandom(state) * (i + 1))
    const tmp = order[i]!
    order[i] = order[j]!
    order[j] = tmp
  }
}

/**
 * A uniform value in [0, 1) fixed by (seed, row): which rows form the validation split depends on
 * neither the training stream nor the epoch, so it is the same in every generation with that seed.
 */
export function rowUniform(seed: number, row: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(row + 1, 0x85ebca6b)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d)
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b)
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296
}

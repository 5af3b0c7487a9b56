/**
 * Four resamples through the other model's order in one pass (see fused-pair.ts for two): the
 * weights of four resamples in one 16-bit word an example, 4 bits each (two pairs' nibble bytes side
 * by side), so one random read through the order fetches all four, from an array of 2 bytes an
 * example. Each resample's running sums take the same terms in the same order as
 * packedPairRankSums gives them, so its values are bit-identical to a pair's or a pass of its own.
 *
 * The passes are top-level functions with their arrays as arguments (see kernels.ts for why).
 */
import { LITTLE_ENDIAN } from './fused-pair.js'

/**
 * quad[i] = low[i] | high[i] << 8 over [0, n): resamples 0 and 1 (low's nibbles) in bits 0-7,
 * resamples 2 and 3 (high's) in bits 8-15. Through 32-bit views, four examples a step, where the
 * arrays allow them (LITTLE_ENDIAN, 4-byte aligned); the rest example by example.
 */
export function interleaveNibbles(low: Uint8Array, high: Uint8Array, quad: Uint16Array): void {
  const n = quad.length
  let i = 0
  if (LITTLE_ENDIAN && low.byteOffset % 4 === 0 && high.byteOffset % 4 === 0 && quad.byteOffset % 4 === 0) {
    const words = n >> 2
    interleaveWords(
      new Uint32Array(low.buffer, low.byteOffset, words),
      new Uint32Array(high.buffer, high.byteOffset, words),
      new Uint32Array(quad.buffer, quad.byteOffset, 2 * words)
    )
    i = 4 * words
  }
  for (; i < n; i++) quad[i] = low[i]! | (high[i]! << 8)
}

/** interleaveNibbles over whole words: word k of low and high (examples 4k..4k+3) into words 2k and 2k + 1 of out. */
function interleaveWords(low: Uint32Array, high: Uint32Array, out: Uint32Array): void {
  for (let k = 0; k < low.length; k++) {
    const a = low[k]!
    const b = high[k]!
    out[2 * k] = (a & 0xff) | ((b & 0xff) << 8) | ((a & 0xff00) << 8) | ((b & 0xff00) << 16)
    out[2 * k + 1] = ((a >>> 16) & 0xff) | ((b >>> 8) & 0xff00) | ((a >>> 8) & 0xff0000) | (b & 0xff000000)
  }
}

/**
 * Rank sums through an order whose top bit is the label, for four resamples at once: [pairs,
 * negatives] of resample r into out[2r], out[2r + 1]. Their weights come from one 16-bit word an
 * example (see interleaveNibbles: valid only where no weight exceeded 15). A positive adds its
 * weight times the negatives before it to each resample's pairs, a negative its weight to the
 * negatives: one branch an example serves four resamples, where masks would take both updates for
 * each. Every quantity is an integer below 2⁵³, so the sums are exact and equal to
 * packedPairRankSums's.
 */
export function packedQuadRankSums(quad: Uint16Array, packed: Int32Array, out: Float64Array): void {
  const n = packed.length
  // -0, not 0: the engine then keeps these in doubles from the start (see packedRankSums).
  let pairs0 = -0
  let negatives0 = -0
  let pairs1 = -0
  let negatives1 = -0
  let pairs2 = -0
  let negatives2 = -0
  let pairs3 = -0
  let negatives3 = -0
  for (let i = 0; i < n; i++) {
    const e = packed[i]!
    const v = quad[e & 0x7fffffff]!
    if (e < 0) {
      pairs0 += (v & 15) * negatives0
      pairs1 += ((v >> 4) & 15) * negatives1
      pairs2 += ((v >> 8) & 15) * negatives2
      pairs3 += (v >> 12) * negatives3
    } else {
      negatives0 += v & 15
      negatives1 += (v >> 4) & 15
      negatives2 += (v >> 8) & 15
      negatives3 += v >> 12
    }
  }
  out[0] = pairs0
  out[1] = negatives0
  out[2] = pairs1
  out[3] = negatives1
  out[4] = pairs2
  out[5] = negatives2
  out[6] = pairs3
  out[7] = negatives3
}

let warm = false

/**
 * Runs the passes above a few dozen times on a few examples, once a thread. A pass of four runs
 * a few hundred times a bootstrap, each call a loop over every example: the engine would compile
 * its loop during the first call, before it has seen the code after the loop (it records what it
 * sees only once a function has run a few times), and that code would then leave the compiled
 * loop at the end of every call and start the next one in the interpreter, several times slower
 * over the whole loop. Every branch and store taken here gives it what it needs.
 */
export function warmQuadPasses(): void {
  if (warm) return
  warm = true
  const low = new Uint8Array([0x12, 0x21, 0x13, 0x31])
  const high = new Uint8Array([0x23, 0x32, 0x14, 0x41])
  const quad = new Uint16Array(4)
  const packed = new Int32Array([0, 1 | (1 << 31), 2, 3 | (1 << 31)])
  const out = new Float64Array(8)
  for (let k = 0; k < WARM_CALLS; k++) {
    interleaveNibbles(low, high, quad)
    packedQuadRankSums(quad, packed, out)
  }
}

const WARM_CALLS = 30

/**
 * The bootstrap's resample in one sequential pass: each block of weights is drawn and, while it is
 * in the nearest cache, summed into every quantity read in example order: the total weight, the
 * 0/1 means (accuracy: a bit of one byte an example, not a double), the other means (log loss), and
 * the rank sums of ROC AUC (and its tie groups' sums) for the model whose score order the examples
 * are in. What must be read in another order (the other model's AUC, through its order with the
 * label packed in its top bit) follows over the whole weight vector, still in the cache. Per
 * example a resample then reads the bytes it needs: 1 byte of flags, 8 per double mean, 4 per
 * other-order AUC.
 *
 * The layout is built once, in shared memory, for every thread. Values are sums of the same terms
 * in the same order whichever thread runs a resample, so results never depend on the threads.
 */
import {
  dotsPairBlock,
  flagsPairBlock,
  flagsPairWords,
  LITTLE_ENDIAN,
  moreBitsPairBlock,
  nibblesBlock,
  nibblesWords,
  packedGroupPairRankSums,
  packedPairRankSums,
  tiesPairBlock
} from './fused-pair.js'
import { aucFinish, aucPass, type AucShape, type KernelShape } from './kernels.js'
import { interleaveNibbles, packedQuadRankSums, warmQuadPasses } from './fused-quad.js'
import { Random, WEIGHT_BLOCK } from './random.js'

/** Where one side of a metric gets its value from. */
export type FusedSource =
  | { kind: 'bit'; bit: number }
  | { kind: 'float'; index: number }
  | { kind: 'sequential-auc'; shape: AucShape }
  | { kind: 'packed-auc'; index: number; shape: AucShape }
  | { kind: 'auc'; shape: AucShape }

export interface FusedLayout {
  n: number
  /** The tie groups of the sequential AUC (the end of each), when it sums group by group; else null. */
  groups: Uint32Array | null
  /** Per example: bit 0..3 the 0/1 means, bit LABEL_BIT the label of the sequential AUC. */
  flags: Uint8Array
  /** Bits 0..3 in use (a bit not in use is 0 everywhere, and its sum ignored). */
  bits: number
  /** Distinct double-valued means. */
  floats: Float64Array[]
  /** Other-order AUC: order index | label << 31, as int32 (a label of 1 makes it negative). */
  packed: Int32Array[]
  /** For metric k, side s (0 candidate, 1 baseline): sources[2k + s]; null where the plan evaluates it. */
  sources: (FusedSource | null)[]
  /**
   * Whether two resamples can run in one pass (FusedRunner.runPair): every metric is fused and
   * none runs its own AUC pass.
   */
  pairable: boolean
}

const LABEL_BIT = 4
const MAX_BITS = 4

function isIndicator(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== 0 && values[i] !== 1) return false
  return true
}

const sharedBytes = (n: number) => new Uint8Array(new SharedArrayBuffer(n))

function shared(a: Uint32Array): Uint32Array {
  const out = new Uint32Array(new SharedArrayBuffer(a.byteLength))
  out.set(a)
  return out
}

/**
 * The fused layout of metrics over all examples (`rows` null) from their kernels' shapes; other
 * metrics get null sources. Null when no metric gains from it.
 */
export function fusedLayout(n: number, metrics: ({ candidate: KernelShape; baseline: KernelShape; rows: Uint32Array | null } | null)[]): FusedLayout | null {
  const flags = sharedBytes(n)
  const bitOf = new Map<Float64Array, number>()
  const floatOf = new Map<Float64Array, number>()
  const packedOf = new Map<AucShape, number>()
  const floats: Float64Array[] = []
  const packed: Int32Array[] = []
  let sequential: AucShape | null = null
  let bits = 0
  const sourceOf = (shape: KernelShape): FusedSource => {
    if (shape.kind === 'mean') {
      const values = shape.values
      if (bitOf.has(values)) return { kind: 'bit', bit: bitOf.get(values)! }
      if (floatOf.has(values)) return { kind: 'float', index: floatOf.get(values)! }
      if (bits < MAX_BITS && isIndicator(values)) {
        const bit = bits++
        for (let i = 0; i < n; i++) flags[i]! |= values[i]! << bit
        bitOf.set(values, bit)
        return { kind: 'bit', bit }
      }
      floatOf.set(values, floats.length)
      floats.push(values)
      return { kind: 'float', index: floats.length - 1 }
    }
    if (shape.order === null && (sequential === null || sequential === shape)) {
      if (sequential === null) {
        sequential = shape
        const positive = shape.positive
        for (let i = 0; i < n; i++) flags[i]! |= positive[i]! << LABEL_BIT
      }
      return { kind: 'sequential-auc', shape }
    }
    if (shape.order === null || n >= 2 ** 31) return { kind: 'auc', shape }
    if (!packedOf.has(shape)) {
      const order = shape.order
      const positive = shape.positive
      const out = new Int32Array(new SharedArrayBuffer(4 * n))
      for (let i = 0; i < n; i++) out[i] = order[i]! | (positive[i]! << 31)
      packedOf.set(shape, packed.length)
      packed.push(out)
    }
    return { kind: 'packed-auc', index: packedOf.get(shape)!, shape }
  }
  const sources: (FusedSource | null)[] = []
  for (const m of metrics) {
    if (!m || m.rows) sources.push(null, null)
    else sources.push(sourceOf(m.candidate), sourceOf(m.baseline))
  }
  if (sources.every(s => s === null)) return null
  const groups = (sequential as AucShape | null)?.groups ?? null
  const pairable = sources.every(s => s !== null && s.kind !== 'auc') && n < 2 ** 31
  return { n, groups: groups && shared(groups), flags, bits, floats, packed, sources, pairable }
}

/*
 * The block passes are top-level functions with their arrays as arguments (see kernels.ts for why).
 * Integer sums within a block fit 32 bits (255 x 4096); they are added to doubles per block.
 */

/**
 * Over [start, end): the total weight, the weighted sums of flag bits 0 and 1, and the rank sums
 * of the label bit, carried in acc = [total, bit0, bit1, bit2, bit3, pairs, negatives]; the
 * positives are the total less the negatives. The rank sums walk two halves side by side (each
 * running count waits on the one before), then join: every positive of the second half outranks
 * the negatives of the first, and every positive of the block those of the blocks before.
 */
function flagsBlock(w: Uint8Array, flags: Uint8Array, start: number, end: number, acc: Float64Array): void {
  const half = (end - start) >>> 1
  const mid = start + half
  let total0 = 0
  let total1 = 0
  let b0 = 0
  let b1 = 0
  // -0, not 0: the engine then keeps these in doubles from the start (a product of counts soon
  // exceeds 32 bits, and a loop that starts in integers and overflows runs several times slower).
  let pairs0 = -0
  let negatives0 = -0
  let pairs1 = -0
  let negatives1 = -0
  for (let i = start; i < mid; i++) {
    const x = w[i]!
    const f = flags[i]!
    const y = w[i + half]!
    const g = flags[i + half]!
    total0 += x
    total1 += y
    b0 += (x & -(f & 1)) + (y & -(g & 1))
    b1 += (x & -((f >> 1) & 1)) + (y & -((g >> 1) & 1))
    const p = x & -((f >> LABEL_BIT) & 1)
    pairs0 += p * negatives0
    negatives0 += x - p
    const q = y & -((g >> LABEL_BIT) & 1)
    pairs1 += q * negatives1
    negatives1 += y - q
  }
  for (let i = start + 2 * half; i < end; i++) {
    const y = w[i]!
    const g = flags[i]!
    total1 += y
    b0 += y & -(g & 1)
    b1 += y & -((g >> 1) & 1)
    const q = y & -((g >> LABEL_BIT) & 1)
    pairs1 += q * negatives1
    negatives1 += y - q
  }
  const total = total0 + total1
  acc[0]! += total
  acc[1]! += b0
  acc[2]! += b1
  acc[5]! += pairs0 + pairs1 + (total1 - negatives1) * negatives0 + (total - negatives0 - negatives1) * acc[6]!
  acc[6]! += negatives0 + negatives1
}

/** The weighted sums of flag bits 2 and 3 over [start, end), added to acc[3] and acc[4]. */
function moreBitsBlock(w: Uint8Array, flags: Uint8Array, start: number, end: number, acc: Float64Array): void {
  let b2 = 0
  let b3 = 0
  for (let i = start; i < end; i++) {
    const x = w[i]!
    const f = flags[i]!
    b2 += x & -((f >> 2) & 1)
    b3 += x & -((f >> 3) & 1)
  }
  acc[3]! += b2
  acc[4]! += b3
}

/** Σ w·x and Σ w·y over [start, end), added to acc[at], acc[at + 1]. */
function dotsBlock(w: Uint8Array, x: Float64Array, y: Float64Array, start: number, end: number, acc: Float64Array, at: number): void {
  let s0 = 0
  let s1 = 0
  let u0 = 0
  let u1 = 0
  let i = start
  for (; i + 1 < end; i += 2) {
    const a = w[i]!
    const b = w[i + 1]!
    s0 += a * x[i]!
    s1 += b * x[i + 1]!
    u0 += a * y[i]!
    u1 += b * y[i + 1]!
  }
  if (i < end) {
    s0 += w[i]! * x[i]!
    u0 += w[i]! * y[i]!
  }
  acc[at]! += s0 + s1
  acc[at + 1]! += u0 + u1
}

/** Rank sums through an order whose top bit is the label: [pairs, negatives, positives] into out. */
function packedRankSums(w: Uint8Array, packed: Int32Array, out: Float64Array): void {
  const n = packed.length
  const half = n >>> 1
  // -0, not 0: the engine then keeps these in doubles from the start (a product of counts soon
  // exceeds 32 bits, and a loop that starts in integers and overflows runs several times slower).
  let pairs0 = -0
  let negatives0 = -0
  let positives0 = -0
  let pairs1 = -0
  let negatives1 = -0
  let positives1 = -0
  for (let i = 0; i < half; i++) {
    const e = packed[i]!
    const x = w[e & 0x7fffffff]!
    const p = x & (e >> 31)
    pairs0 += p * negatives0
    negatives0 += x - p
    positives0 += p
    const g = packed[half + i]!
    const y = w[g & 0x7fffffff]!
    const q = y & (g >> 31)
    pairs1 += q * negatives1
    negatives1 += y - q
    positives1 += q
  }
  for (let i = 2 * half; i < n; i++) {
    const g = packed[i]!
    const y = w[g & 0x7fffffff]!
    const q = y & (g >> 31)
    pairs1 += q * negatives1
    negatives1 += y - q
    positives1 += q
  }
  out[0] = pairs0 + pairs1 + positives1 * negatives0
  out[1] = negatives0 + negatives1
  out[2] = positives0 + positives1
}

/**
 * Over [start, end), the rank sums of the label bit group by group, for tie groups ending at
 * groups[g], groups[g + 1], ... (scores with many ties): each group's positives outrank the
 * negatives of the groups before and half of their own. Carried across blocks in
 * tie = [group, its positives so far, its weight so far, pairs, negatives before it]. No running
 * count per example: only per group. Also adds the block's total weight and the weighted sums of
 * flag bits 0 and 1 to acc, as flagsBlock does.
 */
function tiesBlock(w: Uint8Array, flags: Uint8Array, groups: Uint32Array, start: number, end: number, tie: Float64Array, acc: Float64Array): void {
  let g = tie[0]!
  let positives = tie[1]!
  let total = tie[2]!
  let pairs = tie[3]!
  let below = tie[4]!
  let blockTotal = 0
  let b0 = 0
  let b1 = 0
  let i = start
  while (i < end) {
    const groupEnd = groups[g]!
    const stop = groupEnd < end ? groupEnd : end
    let p = 0
    let t = 0
    for (; i < stop; i++) {
      const x = w[i]!
      const f = flags[i]!
      p += x & -((f >> LABEL_BIT) & 1)
      t += x
      b0 += x & -(f & 1)
      b1 += x & -((f >> 1) & 1)
    }
    blockTotal += t
    positives += p
    total += t
    if (i === groupEnd) {
      const negatives = total - positives
      pairs += positives * (below + 0.5 * negatives)
      below += negatives
      positives = 0
      total = 0
      g++
    }
  }
  tie[0] = g
  tie[1] = positives
  tie[2] = total
  tie[3] = pairs
  tie[4] = below
  acc[0]! += blockTotal
  acc[1]! += b0
  acc[2]! += b1
}

/**
 * ROC AUC's sums group by group through an order whose top bit is the label (for scores with many
 * ties): each group's positives outrank the negatives of the groups before and half of their own.
 */
function packedGroupRankSums(w: Uint8Array, packed: Int32Array, groups: Uint32Array, out: Float64Array): void {
  let pairs = -0
  let below = -0
  let positives = -0
  let start = 0
  for (let g = 0; g < groups.length; g++) {
    const end = groups[g]!
    let p0 = 0
    let t0 = 0
    let p1 = 0
    let t1 = 0
    let i = start
    for (; i + 1 < end; i += 2) {
      const e = packed[i]!
      const f = packed[i + 1]!
      const a = w[e & 0x7fffffff]!
      const b = w[f & 0x7fffffff]!
      p0 += a & (e >> 31)
      t0 += a
      p1 += b & (f >> 31)
      t1 += b
    }
    if (i < end) {
      const e = packed[i]!
      const a = w[e & 0x7fffffff]!
      p0 += a & (e >> 31)
      t0 += a
    }
    const groupPositives = p0 + p1
    const groupNegatives = t0 + t1 - groupPositives
    pairs += groupPositives * (below + 0.5 * groupNegatives)
    below += groupNegatives
    positives += groupPositives
    start = end
  }
  out[0] = pairs
  out[1] = below
  out[2] = positives
}

/** ROC AUC from group-by-group rank sums [pairs, negatives, positives]; NaN without both classes. */
function groupAuc(sums: Float64Array): number {
  return sums[1]! > 0 && sums[2]! > 0 ? sums[0]! / (sums[1]! * sums[2]!) : Number.NaN
}

/** The high 4 bits of each byte of a word: a weight that does not fit a nibble sets one. */
const NIBBLE_HIGH = 0xf0f0f0f0

/** 32-bit views of the pass's byte arrays (flagsPairWords), or null where they cannot be made. */
function wordViews(flags: Uint8Array, wa: Uint8Array, wb: Uint8Array, nibbles: Uint8Array) {
  const arrays = [flags, wa, wb, nibbles]
  if (!LITTLE_ENDIAN || arrays.some(a => a.byteOffset % 4 !== 0)) return null
  const [f, a, b, x] = arrays.map(a => new Uint32Array(a.buffer, a.byteOffset, a.length >> 2))
  return { flags: f!, wa: a!, wb: b!, nibbles: x!, pair: [a!, b!] }
}

/** One resample's sums in a pass of two or four (runPair, runQuad). */
class PassSums {
  readonly acc = new Float64Array(8)
  readonly tie = new Float64Array(5)
  readonly floatSums: Float64Array
  readonly aucValues = new Map<AucShape, number>()

  constructor(floats: number) {
    this.floatSums = new Float64Array(floats + 1)
  }

  reset(): void {
    this.acc.fill(0)
    this.tie.fill(0)
    this.floatSums.fill(0)
    this.aucValues.clear()
  }
}

/** Runs fused resamples for one thread: its accumulators and scratch. */
export class FusedRunner {
  private readonly acc: Float64Array
  private readonly tie = new Float64Array(5)
  private readonly sums = new Float64Array(3)
  private readonly floatSums: Float64Array
  private readonly aucValues = new Map<AucShape, number>()

  /** The sums of the resamples of a pass of two (the first two) or four. */
  private readonly passSums: PassSums[]
  private readonly sumsB = new Float64Array(3)
  private readonly quadSums = new Float64Array(8)
  /**
   * Whether an other-order AUC sums its ranks example by example (no tie groups): four resamples
   * then share its random reads (runQuad); otherwise a pass of four does no less than two of two.
   */
  readonly plainPacked: boolean

  constructor(private readonly layout: FusedLayout) {
    this.acc = new Float64Array(8)
    this.floatSums = new Float64Array(layout.floats.length + 1)
    this.passSums = [0, 1, 2, 3].map(() => new PassSums(layout.floats.length))
    this.plainPacked = layout.sources.some(s => s?.kind === 'packed-auc' && !s.shape.groups)
    if (this.plainPacked) warmQuadPasses()
  }

  /**
   * Two resamples in one pass (layout.pairable): weights drawn block by block from `a` into `wa`
   * and from `b` into `wb` (length n each), the same weights as run() draws from each stream.
   * Writes resample a's values as run() does at out[atA + 2k], out[atA + 2k + 1], resample b's at
   * atB: bit-identical to running each alone (see fused-pair.ts).
   */
  runPair(wa: Uint8Array, wb: Uint8Array, nibbles: Uint8Array, a: Random, b: Random, out: Float64Array, atA: number, atB: number): void {
    const [sa, sb] = this.passSums as [PassSums, PassSums]
    const any = this.pairPass(wa, wb, nibbles, a, b, sa, sb)
    if ((any & NIBBLE_HIGH) === 0) this.pairAuc(nibbles, wa, wb, sa, sb)
    this.pairValues(wa, sa, out, atA)
    this.pairValues(wb, sb, out, atB)
  }

  /**
   * Four resamples (layout.pairable): two passes of two (as runPair: w[0], w[1] from random[0],
   * random[1] with nibbles[0]; w[2], w[3] with nibbles[1]), then one pass through each other-order
   * AUC without tie groups for all four, their weights from one 16-bit word an example (`quad`,
   * length n). Resample r's values at out[at[r] + 2k], bit-identical to running each alone.
   */
  runQuad(w: Uint8Array[], nibbles: Uint8Array[], quad: Uint16Array, random: Random[], out: Float64Array, at: number[]): void {
    const s = this.passSums
    const anyLow = this.pairPass(w[0]!, w[1]!, nibbles[0]!, random[0]!, random[1]!, s[0]!, s[1]!)
    const anyHigh = this.pairPass(w[2]!, w[3]!, nibbles[1]!, random[2]!, random[3]!, s[2]!, s[3]!)
    const fitLow = (anyLow & NIBBLE_HIGH) === 0
    const fitHigh = (anyHigh & NIBBLE_HIGH) === 0
    if (fitLow && fitHigh && this.plainPacked) {
      interleaveNibbles(nibbles[0]!, nibbles[1]!, quad)
      const sums = this.quadSums
      for (const source of this.layout.sources) {
        if (source?.kind !== 'packed-auc' || source.shape.groups || s[0]!.aucValues.has(source.shape)) continue
        packedQuadRankSums(quad, this.layout.packed[source.index]!, sums)
        for (let r = 0; r < 4; r++) {
          const one = this.sums
          one[0] = sums[2 * r]!
          one[1] = sums[2 * r + 1]!
          // The positives: every weight is a positive's or a negative's (exact sums of integers either way).
          one[2] = s[r]!.acc[0]! - one[1]!
          s[r]!.aucValues.set(source.shape, aucFinish(w[r]!, source.shape, one))
        }
      }
    }
    if (fitLow) this.pairAuc(nibbles[0]!, w[0]!, w[1]!, s[0]!, s[1]!)
    if (fitHigh) this.pairAuc(nibbles[1]!, w[2]!, w[3]!, s[2]!, s[3]!)
    for (let r = 0; r < 4; r++) this.pairValues(w[r]!, s[r]!, out, at[r]!)
  }

  /** The sequential part of a pass of two (see runPair) into sa and sb; returns the OR of all weights (see NIBBLE_HIGH). */
  private pairPass(wa: Uint8Array, wb: Uint8Array, nibbles: Uint8Array, a: Random, b: Random, sa: PassSums, sb: PassSums): number {
    const { layout } = this
    const acc = sa.acc
    const accB = sb.acc
    const floatSums = sa.floatSums
    const floatSumsB = sb.floatSums
    let any = 0
    const words = wordViews(layout.flags, wa, wb, nibbles)
    const { flags, floats, n } = layout
    const wide = layout.bits > 2
    const groups = layout.groups
    sa.reset()
    sb.reset()
    for (let start = 0; start < n; start += WEIGHT_BLOCK) {
      const end = Math.min(start + WEIGHT_BLOCK, n)
      a.poisson(wa, start, end)
      b.poisson(wb, start, end)
      // Whole words through the 32-bit views, the rest (the end of the last block) byte by byte.
      const cut = words ? start + ((end - start) & ~3) : start
      if (groups) {
        tiesPairBlock(wa, wb, flags, groups, start, end, sa.tie, sb.tie, acc, accB)
        if (cut > start) any |= nibblesWords(words!.wa, words!.wb, words!.nibbles, start >> 2, cut >> 2)
        if (cut < end) any |= nibblesBlock(wa, wb, nibbles, cut, end)
      } else {
        if (cut > start) any |= flagsPairWords(words!.wa, words!.wb, words!.flags, words!.nibbles, start >> 2, cut >> 2, acc, accB)
        if (cut < end) {
          flagsPairBlock(wa, wb, flags, cut, end, acc, accB)
          any |= nibblesBlock(wa, wb, nibbles, cut, end)
        }
      }
      if (wide) moreBitsPairBlock(wa, wb, flags, start, end, acc, accB)
      let f = 0
      const pair = words && words.pair
      for (; f + 1 < floats.length; f += 2) dotsPairBlock(wa, wb, floats[f]!, floats[f + 1]!, start, end, floatSums, floatSumsB, f, pair)
      if (f < floats.length) dotsPairBlock(wa, wb, floats[f]!, floats[f]!, start, end, floatSums, floatSumsB, f, pair)
    }
    return any
  }

  /**
   * Both resamples' rank sums through each other-order AUC not yet summed (runQuad sums some
   * first), in one pass over the nibbles (every weight of both fits one), into sa's and sb's AUC values.
   */
  private pairAuc(nibbles: Uint8Array, wa: Uint8Array, wb: Uint8Array, sa: PassSums, sb: PassSums): void {
    const { layout, sums, sumsB } = this
    for (const source of layout.sources) {
      if (source?.kind !== 'packed-auc' || sa.aucValues.has(source.shape)) continue
      const packed = layout.packed[source.index]!
      if (source.shape.groups) {
        packedGroupPairRankSums(nibbles, packed, source.shape.groups, sums, sumsB)
        sa.aucValues.set(source.shape, groupAuc(sums))
        sb.aucValues.set(source.shape, groupAuc(sumsB))
        continue
      }
      packedPairRankSums(nibbles, packed, sums, sumsB)
      // The positives: every weight is a positive's or a negative's (exact sums of integers either way).
      sums[2] = sa.acc[0]! - sums[1]!
      sumsB[2] = sb.acc[0]! - sumsB[1]!
      sa.aucValues.set(source.shape, aucFinish(wa, source.shape, sums))
      sb.aucValues.set(source.shape, aucFinish(wb, source.shape, sumsB))
    }
  }

  /** One resample's values after a pass of two or four, as valueOf gives them after run()'s. */
  private pairValues(w: Uint8Array, pass: PassSums, out: Float64Array, at: number): void {
    const { layout, sums } = this
    const { acc, tie, floatSums, aucValues } = pass
    const total = acc[0]!
    const sources = layout.sources
    for (let s = 0; s < sources.length; s++) {
      const source = sources[s]!
      let value: number
      if (source.kind === 'bit') value = total > 0 ? acc[1 + source.bit]! / total : Number.NaN
      else if (source.kind === 'float') value = total > 0 ? floatSums[source.index]! / total : Number.NaN
      else if (source.kind === 'sequential-auc' && layout.groups) {
        const negatives = tie[4]!
        const positives = total - negatives
        value = positives > 0 && negatives > 0 ? tie[3]! / (positives * negatives) : Number.NaN
      } else if (source.kind === 'sequential-auc') {
        sums[0] = acc[5]!
        sums[1] = acc[6]!
        sums[2] = total - acc[6]!
        value = aucFinish(w, source.shape, sums)
      } else if (source.kind === 'packed-auc') {
        const known = aucValues.get(source.shape)
        if (known === undefined) {
          const packed = layout.packed[source.index]!
          if (source.shape.groups) {
            packedGroupRankSums(w, packed, source.shape.groups, sums)
            value = groupAuc(sums)
          } else {
            packedRankSums(w, packed, sums)
            value = aucFinish(w, source.shape, sums)
          }
          aucValues.set(source.shape, value)
        } else value = known
      } else throw new Error('runPair: a layout that is not pairable')
      out[at + s] = value
    }
  }

  /**
   * One resample over `w` (length n): drawn here block by block from `random` when `draw` is set
   * (the same weights as drawWeights gives, see random.ts), else read as they are. Writes metric
   * k's [candidate, baseline] to out[at + 2k], out[at + 2k + 1] for every fused source.
   */
  run(w: Uint8Array, random: Random, draw: boolean, out: Float64Array, at: number): void {
    const { layout, acc, floatSums } = this
    const { flags, floats, n } = layout
    const wide = layout.bits > 2
    const groups = layout.groups
    acc.fill(0)
    this.tie.fill(0)
    floatSums.fill(0)
    for (let start = 0; start < n; start += WEIGHT_BLOCK) {
      const end = Math.min(start + WEIGHT_BLOCK, n)
      if (draw) random.poisson(w, start, end)
      if (groups) tiesBlock(w, flags, groups, start, end, this.tie, acc)
      else flagsBlock(w, flags, start, end, acc)
      if (wide) moreBitsBlock(w, flags, start, end, acc)
      let f = 0
      for (; f + 1 < floats.length; f += 2) dotsBlock(w, floats[f]!, floats[f + 1]!, start, end, floatSums, f)
      if (f < floats.length) dotsBlock(w, floats[f]!, floats[f]!, start, end, floatSums, f)
    }
    const total = acc[0]!
    this.aucValues.clear()
    const sources = layout.sources
    for (let s = 0; s < sources.length; s++) {
      const source = sources[s]
      if (!source) continue
      out[at + s] = this.valueOf(source, w, total)
    }
  }

  private valueOf(source: FusedSource, w: Uint8Array, total: number): number {
    const { acc, sums } = this
    switch (source.kind) {
      case 'bit':
        return total > 0 ? acc[1 + source.bit]! / total : Number.NaN
      case 'float':
        return total > 0 ? this.floatSums[source.index]! / total : Number.NaN
      case 'sequential-auc':
        if (this.layout.groups) {
          const negatives = this.tie[4]!
          const positives = total - negatives
          return positives > 0 && negatives > 0 ? this.tie[3]! / (positives * negatives) : Number.NaN
        }
        sums[0] = acc[5]!
        sums[1] = acc[6]!
        sums[2] = total - acc[6]!
        return aucFinish(w, source.shape, sums)
      case 'packed-auc': {
        const known = this.aucValues.get(source.shape)
        if (known !== undefined) return known
        const packed = this.layout.packed[source.index]!
        let value: number
        if (source.shape.groups) {
          packedGroupRankSums(w, packed, source.shape.groups, sums)
          value = sums[1]! > 0 && sums[2]! > 0 ? sums[0]! / (sums[1]! * sums[2]!) : Number.NaN
        } else {
          packedRankSums(w, packed, sums)
          value = aucFinish(w, source.shape, sums)
        }
        this.aucValues.set(source.shape, value)
        return value
      }
      case 'auc': {
        const known = this.aucValues.get(source.shape)
        if (known !== undefined) return known
        const value = aucPass(w, source.shape, sums)
        this.aucValues.set(source.shape, value)
        return value
      }
    }
  }
}

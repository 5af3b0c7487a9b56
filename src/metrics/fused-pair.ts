/**
 * Two resamples in one fused pass (see fused-pass.ts), each drawn from its own stream into its own
 * weight array: the flags, the doubles and the other model's order are read once for both.
 * - The flags pass reads 32-bit words, four examples a step, and sums both resamples' weights in
 *   16-bit halves of a word (a span's sums stay below 2^16, so no carry crosses); with tie groups,
 *   each group's sums of both resamples share a word the same way.
 * - The doubles pass reads each resample's four weights from one word and keeps dotsBlock's terms in
 *   their order.
 * - Both weights of an example go into one byte (4 bits each: a Poisson(1) weight above 15 has a
 *   chance of about 2e-14 an example, and then the pair falls back to a pass per resample), so one
 *   random read through the other model's order fetches both, from an array no larger than one
 *   resample's weights.
 * Every quantity is the same sum, of the same terms, as a pass over one resample gives: integer
 * sums are exact in any order (every weight is at most MAX_WEIGHT, so a span's sums fit their 16 or
 * 32 bits), and the sums of doubles keep the single pass's order term by term. A resample's values
 * are therefore bit-identical whether it ran alone or in a pair, and with whichever other resample.
 *
 * The block passes are top-level functions with their arrays as arguments (see kernels.ts for why).
 */
import { MAX_WEIGHT } from './random.js'

const LABEL_BIT = 4

/** The largest weight a nibble holds (see nibblesBlock). */
export const NIBBLE_MAX = 15

/**
 * Half a block: a span's weight sums fit the 16-bit halves of a 32-bit word (SWAR_SPAN · MAX_WEIGHT
 * < 2^16), and its rank sums 32 bits ((SWAR_SPAN / 2 · MAX_WEIGHT)^2 < 2^31: positives times negatives).
 */
const SWAR_SPAN = 2048
if (SWAR_SPAN * MAX_WEIGHT >= 2 ** 16 || ((SWAR_SPAN / 2) * MAX_WEIGHT) ** 2 >= 2 ** 31) throw new Error('SWAR_SPAN does not bound the sums of a span')

/**
 * Over [start, end): for each resample, the total weight, the weighted sums of flag bits 0 and 1,
 * and the rank sums of the label bit, carried as in flagsBlock: acc = [total, bit0, bit1, bit2,
 * bit3, pairs, negatives]. Both weights of an example go in one 32-bit word (a in the low 16 bits,
 * b in the high 16), so one addition sums both resamples (no carry crosses: a span's sums stay below
 * 2¹⁶); only the rank sums' products take each half apart. A word above 2³¹ is still read right:
 * `& 0xffff` and `>>> 16` take the halves of its 32 bits whatever the engine holds it in.
 */
export function flagsPairBlock(wa: Uint8Array, wb: Uint8Array, flags: Uint8Array, start: number, end: number, accA: Float64Array, accB: Float64Array): void {
  for (let from = start; from < end; from += SWAR_SPAN) {
    const to = Math.min(from + SWAR_SPAN, end)
    let total = 0
    let bit0 = 0
    let bit1 = 0
    let negatives = 0
    let pairsA = 0
    let pairsB = 0
    for (let i = from; i < to; i++) {
      const v = wa[i]! | (wb[i]! << 16)
      const f = flags[i]!
      total += v
      bit0 += v & -(f & 1)
      bit1 += v & -((f >> 1) & 1)
      const p = v & -((f >> LABEL_BIT) & 1)
      pairsA += (p & 0xffff) * (negatives & 0xffff)
      pairsB += (p >>> 16) * (negatives >>> 16)
      negatives += v - p
    }
    const totalA = total & 0xffff
    const totalB = total >>> 16
    const negativesA = negatives & 0xffff
    const negativesB = negatives >>> 16
    accA[0]! += totalA
    accA[1]! += bit0 & 0xffff
    accA[2]! += bit1 & 0xffff
    accA[5]! += pairsA + (totalA - negativesA) * accA[6]!
    accA[6]! += negativesA
    accB[0]! += totalB
    accB[1]! += bit0 >>> 16
    accB[2]! += bit1 >>> 16
    accB[5]! += pairsB + (totalB - negativesB) * accB[6]!
    accB[6]! += negativesB
  }
}

/**
 * Both weights of each example in [start, end) in one byte, a in the low 4 bits and b in the high
 * 4 (for packedPairRankSums); returns the OR of all weights: above NIBBLE_MAX, some did not fit.
 */
export function nibblesBlock(wa: Uint8Array, wb: Uint8Array, nibbles: Uint8Array, start: number, end: number): number {
  let any = 0
  for (let i = start; i < end; i++) {
    const x = wa[i]!
    const y = wb[i]!
    nibbles[i] = x | (y << 4)
    any |= x | y
  }
  return any
}

/** Whether this machine stores the bytes of a 32-bit word lowest first (flagsPairWords reads them in that order). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

const BYTES = 0x01010101
const EVEN = 0x00ff00ff
/** Words whose bytes flagsPairWords sums whole: BYTE_WORDS · MAX_WEIGHT fits a byte. */
const BYTE_WORDS = Math.floor(255 / MAX_WEIGHT)

/**
 * flagsPairBlock and nibblesBlock over the words [from, to) of 32-bit views of the same arrays
 * (4 examples a word, lowest byte first: LITTLE_ENDIAN only): each word's four weights summed as two
 * 16-bit halves, a flag bit made a mask of its byte by multiplying by 255, the rank sums' running
 * count taken through the word's bytes in order. Returns the OR of all weight words (a weight
 * above NIBBLE_MAX shows in a byte's high 4 bits).
 */
export function flagsPairWords(
  wa: Uint32Array,
  wb: Uint32Array,
  flags: Uint32Array,
  nibbles: Uint32Array,
  from: number,
  to: number,
  accA: Float64Array,
  accB: Float64Array
): number {
  let any = 0
  const span = SWAR_SPAN >> 2
  for (let first = from; first < to; first += span) {
    const last = Math.min(first + span, to)
    // Each 16-bit half sums 2 weights a word over span words: at most SWAR_SPAN · MAX_WEIGHT / 2.
    let totalA = 0
    let totalB = 0
    let bit0A = 0
    let bit0B = 0
    let bit1A = 0
    let bit1B = 0
    let negativesA = 0
    let negativesB = 0
    let pairsA = 0
    let pairsB = 0
    for (let chunk = first; chunk < last; chunk += BYTE_WORDS) {
      const stop = Math.min(chunk + BYTE_WORDS, last)
      // Within a chunk, whole words are summed: each byte sums at most BYTE_WORDS weights, below 256.
      let tA = 0
      let tB = 0
      let b0A = 0
      let b0B = 0
      let b1A = 0
      let b1B = 0
      for (let k = chunk; k < stop; k++) {
        const a = wa[k]!
        const b = wb[k]!
        const f = flags[k]!
        nibbles[k] = (a & 0x0f0f0f0f) | ((b & 0x0f0f0f0f) << 4)
        any |= a | b
        const m0 = Math.imul(f & BYTES, 255)
        const m1 = Math.imul((f >>> 1) & BYTES, 255)
        const label = Math.imul((f >>> LABEL_BIT) & BYTES, 255)
        tA = (tA + a) | 0
        tB = (tB + b) | 0
        b0A = (b0A + (a & m0)) | 0
        b0B = (b0B + (b & m0)) | 0
        b1A = (b1A + (a & m1)) | 0
        b1B = (b1B + (b & m1)) | 0
        const p = a & label
        const q = b & label
        const na = a - p
        const nb = b - q
        pairsA += (p & 255) * negativesA
        negativesA += na & 255
        pairsA += ((p >>> 8) & 255) * negativesA
        negativesA += (na >>> 8) & 255
        pairsA += ((p >>> 16) & 255) * negativesA
        negativesA += (na >>> 16) & 255
        pairsA += (p >>> 24) * negativesA
        negativesA += na >>> 24
        pairsB += (q & 255) * negativesB
        negativesB += nb & 255
        pairsB += ((q >>> 8) & 255) * negativesB
        negativesB += (nb >>> 8) & 255
        pairsB += ((q >>> 16) & 255) * negativesB
        negativesB += (nb >>> 16) & 255
        pairsB += (q >>> 24) * negativesB
        negativesB += nb >>> 24
      }
      totalA += (tA & EVEN) + ((tA >>> 8) & EVEN)
      totalB += (tB & EVEN) + ((tB >>> 8) & EVEN)
      bit0A += (b0A & EVEN) + ((b0A >>> 8) & EVEN)
      bit0B += (b0B & EVEN) + ((b0B >>> 8) & EVEN)
      bit1A += (b1A & EVEN) + ((b1A >>> 8) & EVEN)
      bit1B += (b1B & EVEN) + ((b1B >>> 8) & EVEN)
    }
    const sumA = (totalA & 0xffff) + (totalA >>> 16)
    const sumB = (totalB & 0xffff) + (totalB >>> 16)
    accA[0]! += sumA
    accA[1]! += (bit0A & 0xffff) + (bit0A >>> 16)
    accA[2]! += (bit1A & 0xffff) + (bit1A >>> 16)
    accA[5]! += pairsA + (sumA - negativesA) * accA[6]!
    accA[6]! += negativesA
    accB[0]! += sumB
    accB[1]! += (bit0B & 0xffff) + (bit0B >>> 16)
    accB[2]! += (bit1B & 0xffff) + (bit1B >>> 16)
    accB[5]! += pairsB + (sumB - negativesB) * accB[6]!
    accB[6]! += negativesB
  }
  return any
}

/** The weighted sums of flag bits 2 and 3 over [start, end), for each resample, added to acc[3] and acc[4]. */
export function moreBitsPairBlock(wa: Uint8Array, wb: Uint8Array, flags: Uint8Array, start: number, end: number, accA: Float64Array, accB: Float64Array): void {
  let a2 = 0
  let a3 = 0
  let b2 = 0
  let b3 = 0
  for (let i = start; i < end; i++) {
    const x = wa[i]!
    const y = wb[i]!
    const f = flags[i]!
    const m2 = -((f >> 2) & 1)
    const m3 = -((f >> 3) & 1)
    a2 += x & m2
    a3 += x & m3
    b2 += y & m2
    b3 += y & m3
  }
  accA[3]! += a2
  accA[4]! += a3
  accB[3]! += b2
  accB[4]! += b3
}

/**
 * Σ w·x and Σ w·y over [start, end) for each resample, added to sums[at], sums[at + 1]: the terms
 * in dotsBlock's order (even and odd examples in two sums, joined at the end of the block). With
 * `words` (32-bit views of wa and wb, LITTLE_ENDIAN only, start a multiple of 4), four examples a step.
 */
export function dotsPairBlock(
  wa: Uint8Array,
  wb: Uint8Array,
  x: Float64Array,
  y: Float64Array,
  start: number,
  end: number,
  sumsA: Float64Array,
  sumsB: Float64Array,
  at: number,
  words: Uint32Array[] | null
): void {
  let sa0 = 0
  let sa1 = 0
  let ua0 = 0
  let ua1 = 0
  let sb0 = 0
  let sb1 = 0
  let ub0 = 0
  let ub1 = 0
  let i = start
  if (words) {
    // Four examples a step, their weights from one word of each view (lowest byte first), the
    // terms in the same order: examples 4k and 4k + 2 into the even sums, 4k + 1 and 4k + 3 the odd.
    const va = words[0]!
    const vb = words[1]!
    const last = (start >> 2) + ((end - start) >> 2)
    for (let k = start >> 2; k < last; k++) {
      const a = va[k]!
      const c = vb[k]!
      const j = 4 * k
      const a0 = a & 255
      const a1 = (a >>> 8) & 255
      const a2 = (a >>> 16) & 255
      const a3 = a >>> 24
      const c0 = c & 255
      const c1 = (c >>> 8) & 255
      const c2 = (c >>> 16) & 255
      const c3 = c >>> 24
      const x0 = x[j]!
      const x1 = x[j + 1]!
      const y0 = y[j]!
      const y1 = y[j + 1]!
      sa0 += a0 * x0
      sa1 += a1 * x1
      ua0 += a0 * y0
      ua1 += a1 * y1
      sb0 += c0 * x0
      sb1 += c1 * x1
      ub0 += c0 * y0
      ub1 += c1 * y1
      const x2 = x[j + 2]!
      const x3 = x[j + 3]!
      const y2 = y[j + 2]!
      const y3 = y[j + 3]!
      sa0 += a2 * x2
      sa1 += a3 * x3
      ua0 += a2 * y2
      ua1 += a3 * y3
      sb0 += c2 * x2
      sb1 += c3 * x3
      ub0 += c2 * y2
      ub1 += c3 * y3
    }
    i = 4 * last
  }
  for (; i + 1 < end; i += 2) {
    const a = wa[i]!
    const b = wa[i + 1]!
    const c = wb[i]!
    const d = wb[i + 1]!
    const x0 = x[i]!
    const x1 = x[i + 1]!
    const y0 = y[i]!
    const y1 = y[i + 1]!
    sa0 += a * x0
    sa1 += b * x1
    ua0 += a * y0
    ua1 += b * y1
    sb0 += c * x0
    sb1 += d * x1
    ub0 += c * y0
    ub1 += d * y1
  }
  if (i < end) {
    sa0 += wa[i]! * x[i]!
    ua0 += wa[i]! * y[i]!
    sb0 += wb[i]! * x[i]!
    ub0 += wb[i]! * y[i]!
  }
  sumsA[at]! += sa0 + sa1
  sumsA[at + 1]! += ua0 + ua1
  sumsB[at]! += sb0 + sb1
  sumsB[at + 1]! += ub0 + ub1
}

/**
 * Rank sums through an order whose top bit is the label, for both resamples at once: [pairs,
 * negatives] into outA and outB (the positives are the total weight less the negatives, which the
 * caller has). Both weights of an example come from one byte (`nibbles`, see nibblesBlock: valid
 * only where no weight exceeded NIBBLE_MAX), so the random reads through the order are half as many
 * as two passes make, into an array of the same size.
 */
export function packedPairRankSums(nibbles: Uint8Array, packed: Int32Array, outA: Float64Array, outB: Float64Array): void {
  const n = packed.length
  // -0, not 0: the engine then keeps these in doubles from the start (see packedRankSums).
  let pairsA = -0
  let negativesA = -0
  let pairsB = -0
  let negativesB = -0
  for (let i = 0; i < n; i++) {
    const e = packed[i]!
    const v = nibbles[e & 0x7fffffff]!
    const label = e >> 31
    const x = v & 15
    const y = v >> 4
    const p = x & label
    const q = y & label
    pairsA += p * negativesA
    negativesA += x - p
    pairsB += q * negativesB
    negativesB += y - q
  }
  outA[0] = pairsA
  outA[1] = negativesA
  outB[0] = pairsB
  outB[1] = negativesB
}

/** nibblesBlock over the words [from, to) of 32-bit views (LITTLE_ENDIAN only): four examples a step. */
export function nibblesWords(wa: Uint32Array, wb: Uint32Array, nibbles: Uint32Array, from: number, to: number): number {
  let any = 0
  for (let k = from; k < to; k++) {
    const a = wa[k]!
    const b = wb[k]!
    nibbles[k] = (a & 0x0f0f0f0f) | ((b & 0x0f0f0f0f) << 4)
    any |= a | b
  }
  return any
}

/**
 * tiesBlock for two resamples over [start, end): the label bit's rank sums group by group, for tie
 * groups ending at groups[g], groups[g + 1], ..., each carried in its own tie = [group, its
 * positives so far, its weight so far, pairs, negatives before it]; and the total weight and flag
 * bits 0 and 1 into acc, as flagsPairBlock. Both resamples' sums share the 16-bit halves of one word
 * within a span of SWAR_SPAN examples, then go to doubles.
 */
export function tiesPairBlock(
  wa: Uint8Array,
  wb: Uint8Array,
  flags: Uint8Array,
  groups: Uint32Array,
  start: number,
  end: number,
  tieA: Float64Array,
  tieB: Float64Array,
  accA: Float64Array,
  accB: Float64Array
): void {
  let g = tieA[0]!
  let positivesA = tieA[1]!
  let totalA = tieA[2]!
  let pairsA = tieA[3]!
  let belowA = tieA[4]!
  let positivesB = tieB[1]!
  let totalB = tieB[2]!
  let pairsB = tieB[3]!
  let belowB = tieB[4]!
  for (let from = start; from < end; from += SWAR_SPAN) {
    const to = Math.min(from + SWAR_SPAN, end)
    let spanTotal = 0
    let bit0 = 0
    let bit1 = 0
    let i = from
    while (i < to) {
      const groupEnd = groups[g]!
      const stop = groupEnd < to ? groupEnd : to
      let p = 0
      let t = 0
      for (; i < stop; i++) {
        const v = wa[i]! | (wb[i]! << 16)
        const f = flags[i]!
        t += v
        p += v & -((f >> LABEL_BIT) & 1)
        bit0 += v & -(f & 1)
        bit1 += v & -((f >> 1) & 1)
      }
      spanTotal += t
      positivesA += p & 0xffff
      positivesB += p >>> 16
      totalA += t & 0xffff
      totalB += t >>> 16
      if (i === groupEnd) {
        const negativesA = totalA - positivesA
        pairsA += positivesA * (belowA + 0.5 * negativesA)
        belowA += negativesA
        const negativesB = totalB - positivesB
        pairsB += positivesB * (belowB + 0.5 * negativesB)
        belowB += negativesB
        positivesA = 0
        totalA = 0
        positivesB = 0
        totalB = 0
        g++
      }
    }
    accA[0]! += spanTotal & 0xffff
    accB[0]! += spanTotal >>> 16
    accA[1]! += bit0 & 0xffff
    accB[1]! += bit0 >>> 16
    accA[2]! += bit1 & 0xffff
    accB[2]! += bit1 >>> 16
  }
  tieA[0] = g
  tieA[1] = positivesA
  tieA[2] = totalA
  tieA[3] = pairsA
  tieA[4] = belowA
  tieB[0] = g
  tieB[1] = positivesB
  tieB[2] = totalB
  tieB[3] = pairsB
  tieB[4] = belowB
}

/**
 * packedGroupRankSums for both resamples at once, through the nibbles (see packedPairRankSums):
 * [pairs, negatives, positives] into outA and outB, group by group, both resamples' sums in the
 * 16-bit halves of one word within a span of SWAR_SPAN examples (a nibble's weight is at most 15).
 */
export function packedGroupPairRankSums(nibbles: Uint8Array, packed: Int32Array, groups: Uint32Array, outA: Float64Array, outB: Float64Array): void {
  let pairsA = -0
  let belowA = -0
  let positivesA = -0
  let pairsB = -0
  let belowB = -0
  let positivesB = -0
  let start = 0
  for (let g = 0; g < groups.length; g++) {
    const end = groups[g]!
    let groupPositivesA = 0
    let groupTotalA = 0
    let groupPositivesB = 0
    let groupTotalB = 0
    for (let from = start; from < end; from += SWAR_SPAN) {
      const to = Math.min(from + SWAR_SPAN, end)
      let p = 0
      let t = 0
      for (let i = from; i < to; i++) {
        const e = packed[i]!
        const v = nibbles[e & 0x7fffffff]!
        const w = (v & 15) | ((v >> 4) << 16)
        t += w
        p += w & (e >> 31)
      }
      groupPositivesA += p & 0xffff
      groupPositivesB += p >>> 16
      groupTotalA += t & 0xffff
      groupTotalB += t >>> 16
    }
    const negativesA = groupTotalA - groupPositivesA
    pairsA += groupPositivesA * (belowA + 0.5 * negativesA)
    belowA += negativesA
    positivesA += groupPositivesA
    const negativesB = groupTotalB - groupPositivesB
    pairsB += groupPositivesB * (belowB + 0.5 * negativesB)
    belowB += negativesB
    positivesB += groupPositivesB
    start = end
  }
  outA[0] = pairsA
  outA[1] = belowA
  outA[2] = positivesA
  outB[0] = pairsB
  outB[1] = belowB
  outB[2] = positivesB
}

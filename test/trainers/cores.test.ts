// The SGD and L-BFGS cores against plain one-row-at-a-time versions of the same computation: the
// cores copy shuffled rows in blocks and take rows four at a time, and the sizes here leave partial
// blocks and groups, where such loops go wrong.
import { describe, expect, it } from 'vitest'
import { minimize, poissonObjective, softmaxObjective } from '../../src/trainers/lbfgs.js'
import { shuffle } from '../../src/trainers/random.js'
import { epochBuffers, newSgdState, sgdEpoch, type Dataset, type SgdConfig } from '../../src/trainers/sgd.js'

function dataset(n: number, d: number, label: (i: number) => number): Dataset {
  let s = 7
  const uniform = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296
  return { x: Float64Array.from({ length: n * d }, () => uniform() - 0.5), y: Float64Array.from({ length: n }, (_, i) => label(i)), n, d }
}

describe('an SGD epoch with shuffling', () => {
  it('takes exactly the steps of an unshuffled epoch over the rows in the drawn order', () => {
    const data = dataset(2501, 3, i => (i % 3 === 0 ? 1 : -1))
    const cfg: SgdConfig = { loss: 'logistic', schedule: 'invscaling', learningRate: 0.1, powerT: 0.25, l2: 1e-3, l1: 1e-4, averaged: true, shuffle: true }
    const shuffled = newSgdState(data.d, true, 11)
    const buffers = epochBuffers(data)
    const inOrder = newSgdState(data.d, true, 11)
    for (let epoch = 0; epoch < 2; epoch++) {
      sgdEpoch(cfg, shuffled, data, buffers)
      const order = Uint32Array.from({ length: data.n }, (_, i) => i)
      shuffle(order, inOrder.rng)
      const rows: Dataset = { x: new Float64Array(data.x.length), y: new Float64Array(data.n), n: data.n, d: data.d }
      order.forEach((from, k) => {
        rows.x.set(data.x.subarray(from * data.d, (from + 1) * data.d), k * data.d)
        rows.y[k] = data.y[from]!
      })
      sgdEpoch({ ...cfg, shuffle: false }, inOrder, rows, epochBuffers(rows))
    }
    expect(shuffled).toEqual(inOrder)
  })
})

/** The objective and its gradient one row at a time, straight from the definitions. */
function reference(
  data: Dataset,
  params: Float64Array,
  rowLoss: (scores: number[], label: number) => { loss: number; residuals: number[] },
  blocks: number,
  l2: number
) {
  const { x, y, n, d } = data
  const grad = new Float64Array(params.length)
  let total = 0
  for (let i = 0; i < n; i++) {
    const scores = Array.from({ length: blocks }, (_, c) => {
      let z = params[blocks * d + c]!
      for (let j = 0; j < d; j++) z += params[c * d + j]! * x[i * d + j]!
      return z
    })
    const { loss, residuals } = rowLoss(scores, y[i]!)
    total += loss
    residuals.forEach((r, c) => {
      for (let j = 0; j < d; j++) grad[c * d + j] += r * x[i * d + j]!
      grad[blocks * d + c] += r
    })
  }
  let penalty = 0
  for (let k = 0; k < grad.length; k++) {
    grad[k] /= n
    if (k < blocks * d) {
      grad[k] += l2 * params[k]!
      penalty += params[k]! ** 2
    }
  }
  return { value: total / n + 0.5 * l2 * penalty, grad }
}

describe('the L-BFGS objectives', () => {
  const params = (length: number) => Float64Array.from({ length }, (_, k) => Math.sin(3 * k + 1))
  const cases = [
    {
      name: 'binary logistic',
      data: dataset(103, 5, i => i % 2),
      blocks: 1,
      objective: (data: Dataset) => softmaxObjective(data, 2, true, 0.01),
      row: ([z]: number[], y: number) => ({ loss: Math.log1p(Math.exp(z!)) - y * z!, residuals: [1 / (1 + Math.exp(-z!)) - y] })
    },
    {
      name: 'multinomial',
      data: dataset(102, 4, i => i % 3),
      blocks: 3,
      objective: (data: Dataset) => softmaxObjective(data, 3, false, 0.01),
      row: (z: number[], y: number) => {
        const sum = z.reduce((a, v) => a + Math.exp(v), 0)
        return { loss: Math.log(sum) - z[y]!, residuals: z.map((v, c) => Math.exp(v) / sum - (c === y ? 1 : 0)) }
      }
    },
    {
      name: 'Poisson',
      data: dataset(101, 3, i => i % 4),
      blocks: 1,
      objective: (data: Dataset) => poissonObjective(data, 0.01),
      row: ([z]: number[], y: number) => ({ loss: Math.exp(z!) - y * z!, residuals: [Math.exp(z!) - y] })
    }
  ]
  for (const c of cases) {
    it(`${c.name}: value and gradient match the row-at-a-time definition`, () => {
      const p = params(c.blocks * (c.data.d + 1))
      const grad = new Float64Array(p.length)
      const value = c.objective(c.data)(p, grad)
      const expected = reference(c.data, p, c.row, c.blocks, 0.01)
      expect(value).toBeCloseTo(expected.value, 12)
      grad.forEach((g, k) => expect(g, `gradient ${k}`).toBeCloseTo(expected.grad[k]!, 12))
    })
  }

  it('stops at a looser relative decrease when asked to, sooner and near the same optimum', () => {
    const data = dataset(1003, 6, i => (i % 5 < 2 ? 1 : 0))
    const run = (relativeDecrease?: number) => {
      const p = new Float64Array(data.d + 1)
      const result = minimize(softmaxObjective(data, 2, true, 1e-3), p, { memory: 10, maxIterations: 1000, tolerance: 0, relativeDecrease })
      return { result, p }
    }
    const strict = run()
    const loose = run(1e-6)
    expect(strict.result.stop).toBe('relative-decrease')
    expect(loose.result.stop).toBe('relative-decrease')
    expect(loose.result.iterations).toBeLessThan(strict.result.iterations)
    expect(loose.result.loss - strict.result.loss).toBeLessThan(1e-5)
  })
})

describe('the L-BFGS line search', () => {
  /** Rosenbrock's valley, scaled: the classic test of a line search, curved and badly conditioned. */
  const rosenbrock =
    (scale: number, seen: { x: number[]; value: number; grad: number[] }[]) =>
    (p: Float64Array, grad: Float64Array): number => {
      const [a, b] = [p[0]!, p[1]!]
      const value = scale * (100 * (b - a * a) ** 2 + (1 - a) ** 2)
      grad[0] = scale * (-400 * a * (b - a * a) - 2 * (1 - a))
      grad[1] = scale * 200 * (b - a * a)
      seen.push({ x: [a, b], value, grad: [grad[0], grad[1]] })
      return value
    }

  it('accepts only steps meeting the strong Wolfe conditions, and converges to the minimum', () => {
    const seen: { x: number[]; value: number; grad: number[] }[] = []
    const accepted: { x: number[]; value: number; grad: number[] }[] = []
    const p = Float64Array.from([-1.2, 1])
    const f = rosenbrock(1, seen)
    const result = minimize(f, p, {
      memory: 10,
      maxIterations: 200,
      tolerance: 1e-10,
      onIteration: (_, loss, x) => {
        const point = seen.findLast(s => s.x[0] === x[0] && s.x[1] === x[1])!
        expect(point.value).toBe(loss)
        accepted.push(point)
        return true
      }
    })
    expect(result.converged).toBe(true)
    expect(p[0]).toBeCloseTo(1, 6)
    expect(p[1]).toBeCloseTo(1, 6)
    const start = seen[0]!
    for (const [k, next] of accepted.entries()) {
      const from = k === 0 ? start : accepted[k - 1]!
      const step = [next.x[0]! - from.x[0]!, next.x[1]! - from.x[1]!]
      const slope = from.grad[0]! * step[0]! + from.grad[1]! * step[1]!
      const slopeAfter = next.grad[0]! * step[0]! + next.grad[1]! * step[1]!
      expect(slope, `iteration ${k + 1} goes downhill`).toBeLessThan(0)
      expect(next.value, `iteration ${k + 1}: sufficient decrease`).toBeLessThanOrEqual(from.value + 1e-3 * slope)
      expect(Math.abs(slopeAfter), `iteration ${k + 1}: curvature`).toBeLessThanOrEqual(0.9 * Math.abs(slope) * (1 + 1e-12))
    }
  })

  it('takes the same iterations whatever the scale of the objective, as L-BFGS-B does', () => {
    // Powers of two scale every value and gradient exactly, so a scale-free method takes the very same steps.
    const iterations = [1, 2 ** -20, 2 ** 20].map(scale => {
      const p = Float64Array.from([-1.2, 1])
      return minimize(rosenbrock(scale, []), p, { memory: 10, maxIterations: 200, tolerance: 0, relativeDecrease: 1e-10, decreaseFloor: 0 }).iterations
    })
    expect(iterations[1]).toBe(iterations[0])
    expect(iterations[2]).toBe(iterations[0])
  })
})

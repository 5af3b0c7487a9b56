// The built-in evaluation's classification metrics against scikit-learn's definitions, worked by hand.
import { describe, expect, it } from 'vitest'
import { classificationMetrics } from '../../src/trainers/metrics.js'

describe('macro F1 of a built-in multiclass model', () => {
  it('averages over the classes present in the labels or predictions, as f1_score(average="macro") does', () => {
    // Classes a, b, c; c appears in neither the labels nor the predictions (a class a warm start added).
    // y_true [a, b, b, a], y_pred [a, b, b, b]: f1(a) = 2 / (2 + 1) = 2/3, f1(b) = 4 / (4 + 1) = 4/5;
    // scikit-learn: (2/3 + 4/5) / 2.
    const m = classificationMetrics(Int32Array.from([0, 1, 1, 0]), Float64Array.from([0, 1, 1, 1]), 3, null, null)
    expect(m.macro_f1).toBeCloseTo((2 / 3 + 4 / 5) / 2, 12)
  })

  it('counts a label the model has no class for as a class with F1 0', () => {
    // y_true [a, b, x], y_pred [a, b, a]: f1(a) = 2/3, f1(b) = 1, f1(x) = 0; scikit-learn: 5/9.
    const m = classificationMetrics(Int32Array.from([0, 1, -1]), Float64Array.from([0, 1, 0]), 2, null, null, 1)
    expect(m.macro_f1).toBeCloseTo(5 / 9, 12)
    expect(m.accuracy).toBeCloseTo(2 / 3, 12)
  })
})

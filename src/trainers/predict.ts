/** Predictions of a built-in model on prepared rows, per task. */
import { predictionWeights, type BuiltinModel } from './model.js'

export interface Predictions {
  /** Regression and Poisson: the predicted value; classification: the predicted class's index. */
  values: Float64Array
  /** Binary: the positive class's probability (logistic) or the margin (hinge); else empty. */
  scores: Float64Array
  /** Classification with probabilities: rows x classes, row-major; else null. */
  probabilities: Float64Array | null
}

/** Whether the model's outputs are calibrated probabilities (hinge-loss models give margins). */
export function hasProbabilities(model: BuiltinModel): boolean {
  return model.task === 'multiclass' || (model.task === 'binary' && model.trainer !== 'averaged-perceptron' && model.trainer !== 'linear-svm')
}

export function predict(model: BuiltinModel, x: Float64Array, n: number): Predictions {
  const { weights, bias } = predictionWeights(model)
  const d = model.preparation.features.length
  const k = weights.length
  const z = new Float64Array(n * k)
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      let s = bias[c]!
      const row = weights[c]!
      for (let j = 0; j < d; j++) s += row[j]! * x[i * d + j]!
      z[i * k + c] = s
    }
  }
  const values = new Float64Array(n)
  const scores = new Float64Array(model.task === 'binary' ? n : 0)
  let probabilities: Float64Array | null = null
  switch (model.task) {
    case 'regression':
      values.set(z)
      break
    case 'poisson':
      for (let i = 0; i < n; i++) values[i] = Math.exp(z[i]!)
      break
    case 'binary': {
      const calibrated = hasProbabilities(model)
      if (calibrated) probabilities = new Float64Array(n * 2)
      for (let i = 0; i < n; i++) {
        const p = 1 / (1 + Math.exp(-z[i]!))
        scores[i] = calibrated ? p : z[i]!
        values[i] = z[i]! >= 0 ? 1 : 0
        if (probabilities) {
          probabilities[2 * i] = 1 - p
          probabilities[2 * i + 1] = p
        }
      }
      break
    }
    case 'multiclass': {
      probabilities = new Float64Array(n * k)
      for (let i = 0; i < n; i++) {
        let max = -Infinity
        let best = 0
        for (let c = 0; c < k; c++) {
          if (z[i * k + c]! > max) {
            max = z[i * k + c]!
            best = c
          }
        }
        let sum = 0
        for (let c = 0; c < k; c++) sum += Math.exp(z[i * k + c]! - max)
        for (let c = 0; c < k; c++) probabilities[i * k + c] = Math.exp(z[i * k + c]! - max) / sum
        values[i] = best
      }
      break
    }
  }
  return { values, scores, probabilities }
}

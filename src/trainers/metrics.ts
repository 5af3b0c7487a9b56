/**
 * The metrics `retrain evaluate` writes for a built-in model, by task. An undefined metric (R² of
 * constant labels, AUC with one class) is NaN here and null in the metrics file, so rules on it
 * fail closed.
 */

export function regressionMetrics(labels: Float64Array, predicted: Float64Array): Record<string, number> {
  const n = labels.length
  let mean = 0
  for (const y of labels) mean += y / n
  let sse = 0
  let sae = 0
  let sst = 0
  for (let i = 0; i < n; i++) {
    sse += (predicted[i]! - labels[i]!) ** 2
    sae += Math.abs(predicted[i]! - labels[i]!)
    sst += (labels[i]! - mean) ** 2
  }
  return { rmse: Math.sqrt(sse / n), mae: sae / n, r2: sst > 0 ? 1 - sse / sst : NaN }
}

/** Mean Poisson deviance, and D² (the fraction of the null model's deviance explained). */
export function poissonMetrics(labels: Float64Array, predicted: Float64Array): Record<string, number> {
  const n = labels.length
  let mean = 0
  for (const y of labels) mean += y / n
  const deviance = (y: number, mu: number) => 2 * ((y > 0 ? y * Math.log(y / mu) : 0) - y + mu)
  let model = 0
  let nul = 0
  for (let i = 0; i < n; i++) {
    model += deviance(labels[i]!, predicted[i]!)
    nul += deviance(labels[i]!, mean)
  }
  return { ...regressionMetrics(labels, predicted), mean_poisson_deviance: model / n, d2: nul > 0 ? 1 - model / nul : NaN }
}

/** Area under the ROC curve by the rank-sum formula, ties counted half. */
export function rocAuc(positive: Uint8Array, scores: Float64Array): number {
  const n = scores.length
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!)
  let positives = 0
  let rankSum = 0
  for (let i = 0; i < n;) {
    let j = i
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++
    const rank = (i + j) / 2 + 1
    for (let k = i; k <= j; k++) {
      if (positive[order[k]!]) {
        positives++
        rankSum += rank
      }
    }
    i = j + 1
  }
  const negatives = n - positives
  if (positives === 0 || negatives === 0) return NaN
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

const EPS = 1e-15

/**
 * Classification metrics. `truth` holds class indices (-1: a label the model has no class for, which
 * counts as wrong); `probabilities` is rows x classes when the model is calibrated. `unknownLabels`
 * is how many distinct such labels there are: macro F1 averages over the classes present in the
 * labels or the predictions, as scikit-learn does (and src/metrics), so a label the model lacks is a
 * class with F1 0, and a class of the model absent from both (one a warm start added) is left out.
 */
export function classificationMetrics(
  truth: Int32Array,
  predicted: Float64Array,
  classes: number,
  probabilities: Float64Array | null,
  binaryScores: Float64Array | null,
  unknownLabels = 0
): Record<string, number> {
  const n = truth.length
  let correct = 0
  const tp = new Float64Array(classes)
  const fp = new Float64Array(classes)
  const fn = new Float64Array(classes)
  let logLoss = 0
  for (let i = 0; i < n; i++) {
    const t = truth[i]!
    const p = predicted[i]!
    if (t === p) {
      correct++
      tp[p]++
    } else {
      fp[p]++
      if (t >= 0) fn[t]++
    }
    if (probabilities) logLoss -= Math.log(Math.max(EPS, t >= 0 ? probabilities[i * classes + t]! : 0))
  }
  const f1 = (c: number) => (2 * tp[c]! + fp[c]! + fn[c]! > 0 ? (2 * tp[c]!) / (2 * tp[c]! + fp[c]! + fn[c]!) : NaN)
  const out: Record<string, number> = { accuracy: correct / n }
  if (probabilities) out.log_loss = logLoss / n
  if (classes === 2 && binaryScores) {
    out.auc = rocAuc(
      Uint8Array.from(truth, t => (t === 1 ? 1 : 0)),
      binaryScores
    )
    out.precision = tp[1]! + fp[1]! > 0 ? tp[1]! / (tp[1]! + fp[1]!) : NaN
    out.recall = tp[1]! + fn[1]! > 0 ? tp[1]! / (tp[1]! + fn[1]!) : NaN
    out.f1 = f1(1)
  } else {
    let sum = 0
    let present = unknownLabels
    for (let c = 0; c < classes; c++) {
      if (Number.isNaN(f1(c))) continue
      sum += f1(c)
      present++
    }
    out.macro_f1 = present > 0 ? sum / present : NaN
  }
  return out
}

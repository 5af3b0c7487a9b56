/**
 * The names of the metrics the action computes (`compute:` in the spec). A module of its own, with no
 * imports, so the spec's types can name them without depending on the catalog, which reads the spec.
 */
export const COMPUTED_METRICS = [
  'accuracy',
  'precision',
  'recall',
  'f1',
  'precision-macro',
  'recall-macro',
  'f1-macro',
  'precision-weighted',
  'recall-weighted',
  'f1-weighted',
  'roc-auc',
  'average-precision',
  'log-loss',
  'brier',
  'rmse',
  'mae',
  'mape',
  'r2'
] as const

export type ComputedMetric = (typeof COMPUTED_METRICS)[number]

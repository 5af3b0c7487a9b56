/**
 * The bootstrap's settings and their defaults, apart from its machinery: the spec loader reads the
 * defaults without loading the generator, its tables or the thread code (start-up time).
 */
export type IntervalMethod = 'bca' | 'percentile'

export interface BootstrapSettings {
  resamples: number
  seed: number
  interval: IntervalMethod
}

export const DEFAULT_BOOTSTRAP: BootstrapSettings = { resamples: 1000, seed: 0, interval: 'bca' }

/**
 * The spec's `challengers:`: named param sets trained side by side, each on its own runner, one of
 * which `select` may promote. A param given as a list makes a grid: one challenger per combination,
 * named deterministically after the listed values in the order written (`grid-epochs-20-l2-0.001`).
 * Every value is checked against the declared param (type, enum, range) where it is written.
 */
import type { InputProblem } from '../errors.js'
import { closest } from '../suggest.js'
import { preview } from './names.js'
import { checkParamValue } from './params.js'
import type { Source } from './source.js'
import type { ChallengerSpec, ParamSpec, ParamValue } from './types.js'

/** How many challengers a spec may expand to: each is a job and a version in the registry. */
export const MAX_CHALLENGERS = 64
/** How long an expanded name may grow: artifact names and tags carry it with the model's name. */
export const MAX_CHALLENGER_NAME = 80
const SAFE_NAME = /^[a-z0-9][a-z0-9.-]*$/

/** A value as it appears in a grid challenger's name: lower case, anything but letters, digits and '.' as '-'. */
function namepart(value: ParamValue): string {
  return String(value)
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

export function expandChallengers(
  raw: Record<string, Record<string, ParamValue | ParamValue[]>> | undefined,
  params: Record<string, ParamSpec>,
  source: Source
): { challengers: ChallengerSpec[]; problems: InputProblem[] } {
  const problems: InputProblem[] = []
  const challengers: ChallengerSpec[] = []
  const declared = Object.keys(params)
  for (const [name, values] of Object.entries(raw ?? {})) {
    const location = source.keyAt(['challengers'], name)
    let valid = true
    const axes: { param: string; values: ParamValue[]; listed: boolean }[] = []
    for (const [param, value] of Object.entries(values)) {
      const spec = params[param]
      if (!spec) {
        const near = closest(param, declared)
        problems.push({
          ...source.keyAt(['challengers', name], param),
          message:
            `challengers.${name}: ${preview(param)} is not a declared param${near ? `; did you mean "${near}"?` : ''} ` +
            `(${declared.length ? `the spec declares ${declared.join(', ')}` : 'the spec declares no params'}); a challenger overrides params only`
        })
        valid = false
        continue
      }
      const list = Array.isArray(value) ? value : [value]
      list.forEach((v, i) => {
        const problem = checkParamValue(spec, v)
        if (problem) {
          const at = source.valueAt(Array.isArray(value) ? ['challengers', name, param, String(i)] : ['challengers', name, param])
          problems.push({ ...at, message: `challengers.${name}.${param}${Array.isArray(value) ? `[${i}]` : ''} ${problem} (got ${preview(v)})` })
          valid = false
        }
      })
      axes.push({ param, values: list, listed: Array.isArray(value) })
    }
    if (!valid) continue
    let combos: { name: string; params: Record<string, ParamValue> }[] = [{ name, params: {} }]
    for (const axis of axes) {
      combos = combos.flatMap(c =>
        axis.values.map(v => ({
          name: axis.listed ? `${c.name}-${axis.param.toLowerCase()}-${namepart(v)}` : c.name,
          params: { ...c.params, [axis.param]: v }
        }))
      )
      if (combos.length > MAX_CHALLENGERS) break
    }
    for (const combo of combos) challengers.push({ ...combo, location })
  }
  if (challengers.length > MAX_CHALLENGERS) {
    problems.push({
      ...source.keyAt([], 'challengers'),
      message: `challengers expand to more than ${MAX_CHALLENGERS} (each is a job and a version in the registry); make the grid smaller`
    })
    return { challengers: [], problems }
  }
  const seen = new Map<string, ChallengerSpec>()
  for (const c of challengers) {
    if (!SAFE_NAME.test(c.name) || c.name.length > MAX_CHALLENGER_NAME) {
      problems.push({
        ...c.location,
        message: `challenger name ${preview(c.name)} is not usable in artifact names and tags: at most ${MAX_CHALLENGER_NAME} lower-case letters, digits, '.' or '-'; shorten the param names or values`
      })
    }
    const other = seen.get(c.name)
    if (other) {
      problems.push({
        ...c.location,
        message: `challenger name "${c.name}" is given twice (also at line ${other.location.line}); challengers need unique names`
      })
    }
    seen.set(c.name, c)
  }
  return { challengers, problems }
}

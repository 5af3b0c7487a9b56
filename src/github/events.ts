/**
 * What the triggering event says: its payload (GITHUB_EVENT_PATH) and the params it carries.
 * `schedule` and `push` runs use the spec's defaults; `workflow_dispatch` inputs and
 * `repository_dispatch`'s `client_payload` are overrides, validated and coerced like any other.
 */
import { readFileSync } from 'node:fs'
import { InputError } from '../errors.js'
import { preview } from '../spec/names.js'

export type EventPayload = Record<string, unknown>

export function readEventPayload(env: NodeJS.ProcessEnv): EventPayload {
  const file = env.GITHUB_EVENT_PATH
  if (!file) return {}
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    // The runner always writes it; a missing file means a hand-made environment: no payload.
    return {}
  }
  try {
    const payload = JSON.parse(text) as unknown
    return payload !== null && typeof payload === 'object' ? (payload as EventPayload) : {}
  } catch (err) {
    throw new InputError([{ file, message: `the event payload is not valid JSON: ${(err as Error).message}` }])
  }
}

function asObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
}

/**
 * The param overrides an event carries, and where they came from (for messages). A
 * repository_dispatch payload may nest them under `params` (so other keys can carry other data), or
 * give them at the top level.
 */
export function eventParams(eventName: string, payload: EventPayload): { params: Record<string, unknown>; source: string } {
  switch (eventName) {
    case 'workflow_dispatch':
      return { params: asObject(payload.inputs) ?? {}, source: 'workflow_dispatch inputs' }
    case 'repository_dispatch': {
      const clientPayload = asObject(payload.client_payload) ?? {}
      const nested = asObject(clientPayload.params)
      if (!nested && Object.hasOwn(clientPayload, 'params')) {
        const value = clientPayload.params
        throw new InputError([
          {
            message:
              `repository_dispatch client_payload.params must be an object of param values, got ${preview(value)}` +
              (typeof value === 'string' ? ': it is text; send the object itself (JSON encoded once, not twice)' : '')
          }
        ])
      }
      return nested
        ? { params: nested, source: 'repository_dispatch client_payload.params' }
        : { params: clientPayload, source: 'repository_dispatch client_payload' }
    }
    default:
      return { params: {}, source: `the ${eventName || 'triggering'} event` }
  }
}

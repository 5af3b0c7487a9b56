/**
 * What the triggering event says: its payload (GITHUB_EVENT_PATH) and the params it carries.
 * `schedule` and `push` runs use the spec's defaults; `workflow_dispatch` inputs and
 * `repository_dispatch`'s `client_payload` are overrides, validated and coerced like any other.
 */
import { existsSync, readFileSync } from 'node:fs'
import { InputError } from '../errors.js'
import { preview } from '../spec/names.js'

export type EventPayload = Record<string, unknown>

/** What the action reads from the payload of each event that has something for it. */
const READ_FROM_PAYLOAD: Record<string, string> = {
  workflow_dispatch: 'its inputs (the params)',
  repository_dispatch: 'its client_payload (the params)',
  issue_comment: 'the comment and its issue',
  pull_request: 'the pull request to comment on',
  pull_request_target: 'the pull request to comment on'
}

/** Why the payload file was set aside before the toolkit loaded (see setAsideUnusablePayload), or null. */
let setAside: string | null = null

/** The payload in `file`, or why it cannot be used. */
function loadPayload(file: string): { payload: EventPayload } | { why: string } {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    return { why: `cannot be read from ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }
  }
  try {
    const payload = JSON.parse(text) as unknown
    return { payload: payload !== null && typeof payload === 'object' ? (payload as EventPayload) : {} }
  } catch (err) {
    return { why: `in ${file} is not valid JSON (${(err as Error).message})` }
  }
}

/**
 * Runs before the toolkit loads: its GitHub context parses GITHUB_EVENT_PATH as it is imported and
 * throws (a stack trace, no annotation, no summary) on a file it cannot read or parse. Such a file
 * is set aside (GITHUB_EVENT_PATH unset for this process); readEventPayload then says why, for the
 * events whose payload the action reads.
 */
export function setAsideUnusablePayload(env: NodeJS.ProcessEnv): void {
  const file = env.GITHUB_EVENT_PATH
  if (!file || !existsSync(file)) return
  const loaded = loadPayload(file)
  if ('why' in loaded) {
    setAside = loaded.why
    delete env.GITHUB_EVENT_PATH
  }
}

export function readEventPayload(env: NodeJS.ProcessEnv): EventPayload {
  const file = env.GITHUB_EVENT_PATH
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  // The runner always writes it. Without it, an event whose payload the action reads must not run as
  // if it carried nothing (a dispatch's inputs silently replaced by the defaults); other events have none to read.
  const missing = (why: string): EventPayload => {
    const what = Object.hasOwn(READ_FROM_PAYLOAD, eventName) ? READ_FROM_PAYLOAD[eventName] : undefined
    if (what === undefined) return {}
    throw new InputError([
      {
        message:
          `the ${eventName} event's payload ${why}, and the action reads ${what} from it. ` +
          "The runner writes it for every job (GITHUB_EVENT_PATH): run the action in a workflow job, or point GITHUB_EVENT_PATH at the event's JSON"
      }
    ])
  }
  if (setAside !== null) return missing(setAside)
  if (!file) return missing('is not there (GITHUB_EVENT_PATH is not set)')
  const loaded = loadPayload(file)
  return 'why' in loaded ? missing(loaded.why) : loaded.payload
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
      return { params: withoutEmptyInputs(asObject(payload.inputs) ?? {}), source: 'workflow_dispatch inputs' }
    case 'repository_dispatch': {
      const clientPayload = asObject(payload.client_payload) ?? {}
      // A sender that fills every field may send `"params": null` for none: the spec's defaults.
      if (clientPayload.params === null) return { params: {}, source: 'repository_dispatch client_payload.params' }
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

/**
 * A workflow_dispatch input left empty: an optional input without a default arrives as "" (in
 * `github.event.inputs` and in `inputs`). It means "not given": the spec's default applies.
 */
export function withoutEmptyInputs(inputs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(inputs).filter(([, value]) => value !== ''))
}

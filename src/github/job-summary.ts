/**
 * The job summary within GitHub's limit: at most 1 MiB per step, and a larger one is dropped whole
 * (the runner uploads none of it). The action adds to it in several parts (the report, the steps'
 * own summary, links, a failure note), so every part goes through `addToSummary`, which measures what
 * the step has written so far and cuts the new part at a line to fit, with a note saying where the
 * rest is. Each part keeps room for the parts that follow it, so that the report's headline and the
 * links and failure note written last all stay visible.
 */
import { statSync } from 'node:fs'
import * as core from '@actions/core'
import { logText } from './log.js'
import { MAX_STEP_SUMMARY_BYTES } from '../engine/contract.js'

/** GitHub's limit for one step's job summary. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024

/** Room kept for what follows the steps' own summary: the history chart, the links, a failure note. */
const TAIL_ROOM = 32 * 1024

/** Room a part keeps for what is written after it. */
export const SummaryRoom = {
  /** The report and anything written before the steps' own summary. */
  beforeStepsSummary: MAX_STEP_SUMMARY_BYTES + TAIL_ROOM,
  /** The steps' own summary. */
  beforeTail: TAIL_ROOM,
  /** The links and charts after the decision: room for a failure note. */
  beforeFailure: 4 * 1024,
  /** The last part. */
  none: 0
} as const

function writtenBytes(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

/** The longest fence a cut closes; a longer one is closed with this many backticks, which still ends it visibly. */
const MAX_FENCE_BYTES = 17

/** `head` up to its last line break, unless that would drop more than half of it (one very long line). */
function atLine(head: string): string {
  const lineEnd = head.lastIndexOf('\n')
  return lineEnd >= head.length / 2 ? head.slice(0, lineEnd) : head
}

/** The fence of the code block still open at the end of `text`, or null. */
function openFence(text: string): string | null {
  let open: string | null = null
  for (const line of text.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (!fence) continue
    if (open === null) open = fence
    else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = null
  }
  return open === null ? null : open.slice(0, MAX_FENCE_BYTES - 1)
}

/** At most this many <details> elements a text left open are closed after it. */
const MAX_CLOSED_DETAILS = 100

/**
 * `markdown` (the steps' own summary) with what it left open closed after it: a fenced code block,
 * an HTML comment block, `<details>` elements. Left open, they would swallow what the action writes
 * after it (its links, a failure note): shown as code, hidden, or folded away.
 */
export function closeOpenBlocks(markdown: string): string {
  let fence: string | null = null
  let comment = false
  let details = 0
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    if (fence !== null) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1]
      if (close && close[0] === fence[0] && close.length >= fence.length) fence = null
      continue
    }
    if (comment) {
      if (line.includes('-->')) comment = false
      continue
    }
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (opening) {
      fence = opening
      continue
    }
    if (/^ {0,3}<!--/.test(line) && !line.slice(line.indexOf('<!--') + 4).includes('-->')) comment = true
    details = Math.max(0, details + (line.match(/<details[\s>]/gi)?.length ?? 0) - (line.match(/<\/details\s*>/gi)?.length ?? 0))
  }
  const closing = [...(fence === null ? [] : [fence]), ...(comment ? ['-->'] : []), ...Array<string>(Math.min(details, MAX_CLOSED_DETAILS)).fill('</details>')]
  return closing.length ? `${markdown}\n${closing.join('\n')}\n\n` : markdown
}

/**
 * `markdown` in at most `maxBytes` bytes of UTF-8: cut after the last whole line that fits, an open
 * code block closed, and `note` added. Empty when not even the note fits.
 */
export function cutMarkdown(markdown: string, maxBytes: number, note: string): string {
  if (Buffer.byteLength(markdown) <= maxBytes) return markdown
  // Room for the note, the blank line before it and a fence that closes a cut code block.
  const budget = maxBytes - Buffer.byteLength(note) - 2 - MAX_FENCE_BYTES
  if (budget <= 0) return Buffer.byteLength(note) <= maxBytes ? note : ''
  // A cut in the middle of a character decodes to U+FFFD, dropped with the rest of the cut line.
  const head = new TextDecoder('utf-8').decode(Buffer.from(markdown).subarray(0, budget)).replace(/\uFFFD$/, '')
  let text = atLine(head)
  const open = openFence(text)
  if (open !== null) text += `\n${open}`
  return `${text}\n\n${note}`
}

/**
 * `markdown` in at most `maxChars` characters (UTF-16 code units, which never undercount GitHub's
 * characters), cut as `cutMarkdown` cuts: after a whole line, an open code block closed, `note` added.
 */
export function cutMarkdownToLength(markdown: string, maxChars: number, note: string): string {
  if (markdown.length <= maxChars) return markdown
  const budget = maxChars - note.length - 2 - MAX_FENCE_BYTES
  if (budget <= 0) return note.length <= maxChars ? note : ''
  // Not in the middle of a character's surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(markdown.charAt(budget - 1)) ? budget - 1 : budget
  let text = atLine(markdown.slice(0, end))
  const open = openFence(text)
  if (open !== null) text += `\n${open}`
  return `${text}\n\n${note}`
}

/**
 * Adds `markdown` to the job summary, cut to fit GitHub's limit while keeping `keepBytes` for the
 * parts written after it; `rest` says where whatever is cut can be read. Nothing when the step has
 * no job summary. A summary that cannot be written is a warning, never an error: most parts are
 * written after the decision landed (a promotion, say), which a failed step would hide, and GitHub
 * does not fail a step whose summary it cannot upload either.
 */
export async function addToSummary(markdown: string, keepBytes: number, rest: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) return
  const room = SUMMARY_LIMIT_BYTES - writtenBytes(file) - keepBytes - 1
  const note = `_…cut here to fit GitHub's limit of 1 MiB for a step's job summary; ${rest}_\n`
  const text = cutMarkdown(markdown, room, note)
  if (text === '') {
    logText(`The job summary is full (GitHub's limit is 1 MiB for a step): ${rest}`)
    return
  }
  try {
    await core.summary.addRaw(text, true).write()
  } catch (err) {
    // Not written: the next part must not carry this one along.
    core.summary.emptyBuffer()
    core.warning(`Could not write the job summary (${err instanceof Error ? err.message : String(err)}); ${rest}`)
  }
}

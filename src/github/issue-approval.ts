/**
 * The issue gate's other half: an `issue_comment` run reads `/approve` or `/reject` on a gate issue.
 * Only people whose repository permission is admin or write (maintain shows as write), or the
 * spec's approvers, count; the person whose run opened the gate can be excluded. Anyone else gets a
 * reply and nothing changes. The comment is data: it picks a verb and a reason, never a command.
 */
import { ExitCode, InputError, RetrainError } from '../errors.js'
import { approveCandidate, rejectCandidate, type PromotionEffects } from '../engine/registry-commands.js'
import type { Registry } from '../ports.js'
import { GATE_LABEL, fitBody, parseGateMarker, type GateMarker } from './gates.js'
import { retryPolicyOf, statusOf, type GitHubClient } from '../registry/github/octokit.js'
import { findMarkedComment } from './pull-request-comment.js'
import { NO_PLUGIN_RETRIES, createOnce } from '../registry/github/retry.js'

export interface GateCommand {
  verb: 'approve' | 'reject'
  reason: string
}

/** `/approve` or `/reject` at the start of the comment's first non-empty line, with an optional reason. */
export function parseGateCommand(body: string): GateCommand | null {
  const first =
    body
      .split(/\r?\n/)
      .find(line => line.trim() !== '')
      ?.trim() ?? ''
  const m = /^\/(approve|reject)(?:\s+(.*))?$/i.exec(first)
  return m ? { verb: m[1]!.toLowerCase() as GateCommand['verb'], reason: (m[2] ?? '').trim() } : null
}

export interface CommentEvent {
  action?: string
  issue?: { number: number; body?: string | null; state?: string; labels?: ({ name?: string } | string)[]; pull_request?: unknown }
  comment?: { id: number; body?: string; user?: { login: string; type?: string } | null }
}

export type ApprovalOutcome =
  | { outcome: 'ignored'; why: string }
  | { outcome: 'refused'; who: string; why: string }
  /** `already`: the version was the champion already (approved meanwhile by a command or another comment); nothing changed. */
  /**
   * `unanswered`: replying on the gate issue or closing it failed after the decision landed; the
   * decision stands, and a re-run of the job replies and closes.
   */
  | { outcome: 'approved' | 'rejected'; who: string; gate: GateMarker; already?: boolean; unanswered?: { issue: number; error: unknown } }

export interface ApprovalContext {
  github: GitHubClient
  owner: string
  repo: string
  registry: Registry
  model: string
  approvers: string[]
  excludeTriggeringActor: boolean
  /** Effects recorded with the promotion (a deploy dispatch). */
  promotionEffects: PromotionEffects
  /**
   * The decision an earlier attempt of this workflow run already recorded for the version (a re-run
   * of the comment's run), or null: a re-run then finishes the reply and the close, and changes nothing.
   */
  decidedEarlier?: (version: number) => Promise<'approved' | 'rejected' | null>
}

async function permissionOf(ctx: ApprovalContext, login: string): Promise<string> {
  try {
    const { data } = await ctx.github.rest.repos.getCollaboratorPermissionLevel({ owner: ctx.owner, repo: ctx.repo, username: login })
    return data.permission
  } catch (err) {
    // Not a collaborator (or no such user): no permission.
    if (statusOf(err) === 404) return 'none'
    throw err
  }
}

/** Why `login` may not resolve this gate, or null when they may. */
async function refusal(ctx: ApprovalContext, login: string, gate: GateMarker): Promise<string | null> {
  if (ctx.excludeTriggeringActor && gate.actor && login.toLowerCase() === gate.actor.toLowerCase()) {
    return `@${login} triggered the run that opened this gate, and this workflow asks for someone else's decision`
  }
  if (ctx.approvers.some(a => a.toLowerCase() === login.toLowerCase())) return null
  const permission = await permissionOf(ctx, login)
  if (permission === 'admin' || permission === 'write') return null
  return `@${login} has ${permission} permission on this repository and is not among the spec's approvers; only people with write access or the listed approvers can decide`
}

/** The hidden marker of the bot's reply to comment `commentId`. */
export function replyMarker(commentId: number): string {
  return `<!-- retrain-reply ${JSON.stringify({ comment: commentId })} -->`
}

export async function handleGateComment(ctx: ApprovalContext, event: CommentEvent): Promise<ApprovalOutcome> {
  const { issue, comment } = event
  if (event.action !== 'created' || !issue || !comment) return { outcome: 'ignored', why: 'not a new comment' }
  const command = parseGateCommand(comment.body ?? '')
  if (!command) return { outcome: 'ignored', why: 'the comment is not /approve or /reject' }
  // Gates are issues the action opened; a pull request is never one, whatever its body or labels say.
  if (issue.pull_request) return { outcome: 'ignored', why: `#${issue.number} is a pull request, not a gate issue: comment on the gate issue` }
  const labels = (issue.labels ?? []).map(l => (typeof l === 'string' ? l : l.name))
  const gate = parseGateMarker(issue.body)
  if (!gate || !labels.includes(GATE_LABEL)) return { outcome: 'ignored', why: `issue #${issue.number} is not a release gate` }
  if (gate.model !== ctx.model) return { outcome: 'ignored', why: `issue #${issue.number} is the gate of model ${gate.model}, not ${ctx.model}` }
  if (issue.state === 'closed') return { outcome: 'ignored', why: `issue #${issue.number} is closed` }
  const who = comment.user?.login ?? ''
  // A deleted account's comment (GitHub shows it as "ghost") has no author whose permission could count.
  if (!who) return { outcome: 'ignored', why: `the comment on issue #${issue.number} has no author (a deleted account)` }
  // One reply per handled comment, never doubled: it carries a marker naming the comment it answers,
  // which is looked for before an unanswered reply is sent again (and before a re-run replies twice).
  const where = { owner: ctx.owner, repo: ctx.repo, number: issue.number }
  const marker = replyMarker(comment.id)
  const reply = async (text: string) => {
    if (await findMarkedComment(ctx.github, where, marker)) return
    await createOnce(`replying on issue #${issue.number}`, retryPolicyOf(ctx.github), {
      find: () => findMarkedComment(ctx.github, where, marker),
      create: async () =>
        (
          await ctx.github.rest.issues.createComment({
            owner: ctx.owner,
            repo: ctx.repo,
            issue_number: issue.number,
            body: fitBody(`${marker}\n${text}`, 'see the run log.'),
            request: NO_PLUGIN_RETRIES
          })
        ).data
    })
  }
  const close = (reason: 'completed' | 'not_planned') =>
    ctx.github.rest.issues.update({ owner: ctx.owner, repo: ctx.repo, issue_number: issue.number, state: 'closed', state_reason: reason })
  // Past the decision, the reply and the close may fail: reported with the decision, never in its place.
  const answer = async (text: string, reason: 'completed' | 'not_planned'): Promise<{ unanswered?: { issue: number; error: unknown } }> => {
    try {
      await reply(text)
      await close(reason)
      return {}
    } catch (error) {
      return { unanswered: { issue: issue.number, error } }
    }
  }

  const why = await refusal(ctx, who, gate)
  if (why !== null) {
    await reply(`${why}. Nothing changed.`)
    return { outcome: 'refused', who, why }
  }
  const reason = command.reason || undefined
  const earlier = (await ctx.decidedEarlier?.(gate.version)) ?? null
  // A decision the registry refuses (the champion moved, the version was decided elsewhere, its bundle
  // is gone) changed nothing: the person who asked is told why, and the moot gate is closed.
  const refused = async (err: unknown, verb: string): Promise<never> => {
    if (err instanceof RetrainError && (err.exitCode === ExitCode.conflict || err.exitCode === ExitCode.badInput)) {
      await reply(`${verb} by @${who} could not be carried out: ${err.message}`)
      await close('not_planned')
      // Neither the spec nor an input of this run was wrong, and a comment cannot force: said as a refusal.
      if (err instanceof InputError) throw new RetrainError(`${verb} by @${who} was refused: ${err.message}`, err.exitCode, err.reason)
    }
    throw err
  }
  if (command.verb === 'reject') {
    if (earlier !== 'rejected')
      await rejectCandidate(ctx.registry, gate.model, gate.version, { actor: who, reason: reason ?? `rejected by @${who} on issue #${issue.number}` }).catch(
        err => refused(err, 'Rejection')
      )
    const answered = await answer(
      `Rejected by @${who}: ${gate.model} version ${gate.version} will not be promoted${reason ? ` (${reason})` : ''}.`,
      'not_planned'
    )
    return { outcome: 'rejected', who, gate, ...answered }
  }
  let changed = true
  try {
    if (earlier !== 'approved')
      changed = await approveCandidate(
        ctx.registry,
        gate.model,
        gate.version,
        { actor: who, reason: reason ?? `approved by @${who} on issue #${issue.number}` },
        ctx.promotionEffects
      )
  } catch (err) {
    await refused(err, 'Approval')
  }
  const answered = await answer(
    changed
      ? `Approved by @${who}: ${gate.model} version ${gate.version} is now the champion.`
      : `${gate.model} version ${gate.version} is already the champion: nothing changed, nothing needed doing.`,
    'completed'
  )
  return { outcome: 'approved', who, gate, ...(!changed && { already: true }), ...answered }
}

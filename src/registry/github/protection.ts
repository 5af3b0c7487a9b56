/**
 * Repository rulesets and branch protection on the registry branch. GitHub refuses such writes with
 * a 409 (contents API: "Repository rule violations found ... Changes must be made through a pull
 * request") or a 422 (creating the ref: "Cannot create ref due to creations being restricted").
 * Unlike a lost compare-and-swap (409 "is at X but expected Y", "does not match"), running again
 * never helps: the repository's settings must change. So it is a final error of its own.
 */
import { ExitCode, RetrainError } from '../../errors.js'
import { statusOf } from './octokit.js'

const RULE_MESSAGE =
  /rule violations? found|creations? being restricted|updates? being restricted|protected branch|protected ref|changes must be made through a pull request|cannot (create|update|delete) (this )?(protected )?ref/i

/** The text of an Octokit error: its message and the answer's body. */
function textOf(err: unknown): string {
  const e = err as { message?: unknown; response?: { data?: unknown } } | null
  let body = ''
  try {
    body = JSON.stringify(e?.response?.data ?? '')
  } catch {
    // An unserializable body says nothing more.
  }
  return `${typeof e?.message === 'string' ? e.message : ''} ${body}`
}

/** True when GitHub refused a write because a ruleset or branch protection forbids it. */
export function isRuleViolation(err: unknown): boolean {
  const status = statusOf(err)
  return (status === 403 || status === 409 || status === 422) && RULE_MESSAGE.test(textOf(err))
}

/**
 * The registry branch is covered by a ruleset or branch protection. Exit code 2 (like an invalid
 * input): a setting must change before a run can succeed, and nothing was changed in the registry.
 */
export class RegistryBranchProtectedError extends RetrainError {
  constructor(
    readonly branch: string,
    repository: string,
    what: 'create' | 'write',
    cause: unknown
  ) {
    const said = (cause instanceof Error ? cause.message : String(cause)).replace(/\s+/g, ' ').trim().slice(0, 240)
    super(
      `GitHub refused to ${what === 'create' ? 'create' : 'write to'} the registry branch \`${branch}\` of ${repository}: a repository ruleset or branch ` +
        `protection covers it (${statusOf(cause)}: ${said}). Nothing was changed in the registry. ` +
        `Exclude branch \`${branch}\` from the ruleset / branch protection (it holds only registry state, no code), ` +
        `or set the input registry-branch to an unprotected branch. Running again without that change cannot help.`,
      ExitCode.badInput,
      'registry-branch-protected',
      { cause }
    )
  }
}

/** Who may have written a comment the action looks for again (its own dry-run comment, a reply). */

/**
 * Whether a comment may be one this action wrote: by a bot (the workflow token's `github-actions[bot]`,
 * an app's token), or by someone with access to the repository (whose token the workflow may pass).
 * Anyone else can comment on an issue or pull request of a public repository, and could copy a marker
 * into their own comment: the action would then edit their comment (which they can change back) and
 * never write its own, or take a reply for given.
 */
export function mayBeOurs(comment: { user?: { type?: string } | null; author_association?: string }): boolean {
  return comment.user?.type === 'Bot' || ['OWNER', 'MEMBER', 'COLLABORATOR'].includes(comment.author_association ?? '')
}

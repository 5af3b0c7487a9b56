/**
 * The commit checked out in a project, for a run's lineage: what `git rev-parse HEAD` prints there,
 * read from the repository's files (`HEAD`, the loose ref, `packed-refs`) instead of starting git,
 * which costs a run's start-up a process. Whatever the files do not settle plainly (GIT_DIR or a
 * ceiling in the environment, a ref in another store, a branch without commits) is asked of git itself.
 */
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/
const SYMBOLIC_REF = /^ref: (refs\/[^\0\s]+)$/

/** The commit at HEAD of the repository holding `dir`, or null when there is none (no repository, no commit yet). */
export async function gitHead(dir: string): Promise<string | null> {
  // Where the environment changes how git finds the repository, git itself decides.
  if (['GIT_DIR', 'GIT_COMMON_DIR', 'GIT_CEILING_DIRECTORIES'].some(name => process.env[name] !== undefined)) return await askGit(dir)
  const gitDir = await findGitDir(path.resolve(dir))
  if (gitDir === null) return null
  return (await readHead(gitDir)) ?? (await askGit(dir))
}

/** The repository's git directory: the nearest `.git` folder above `dir`, or where a `.git` file (a worktree, a submodule) points. */
async function findGitDir(dir: string): Promise<string | null> {
  for (let current = dir, depth = 0; depth < 256; depth++) {
    const candidate = path.join(current, '.git')
    const info = await stat(candidate).catch(() => null)
    if (info?.isDirectory()) return candidate
    if (info?.isFile()) {
      const match = /^gitdir: (.+)$/m.exec(await readFile(candidate, 'utf8').catch(() => ''))
      return match ? path.resolve(current, match[1]!.trim()) : null
    }
    const parent = path.dirname(current)
    if (parent === current) return null
    current = parent
  }
  return null
}

/** HEAD resolved from the files, or undefined when they do not settle it and git must be asked. */
async function readHead(gitDir: string): Promise<string | null | undefined> {
  const head = await readText(path.join(gitDir, 'HEAD'))
  if (head === null) return undefined
  if (OBJECT_ID.test(head)) return head
  const ref = SYMBOLIC_REF.exec(head)?.[1]
  if (ref === undefined || ref.split('/').includes('..')) return undefined
  // A linked worktree keeps its HEAD; the branches live in the main repository's directory.
  const common = await readText(path.join(gitDir, 'commondir'))
  const commonDir = common === null ? gitDir : path.resolve(gitDir, common)
  const loose = await readText(path.join(commonDir, ref))
  if (loose !== null) return OBJECT_ID.test(loose) ? loose : undefined
  const packed = await readText(path.join(commonDir, 'packed-refs'))
  for (const line of packed?.split('\n') ?? []) {
    const [id, name] = line.split(' ')
    if (name === ref && id !== undefined && OBJECT_ID.test(id)) return id
  }
  return undefined
}

async function readText(file: string): Promise<string | null> {
  return await readFile(file, 'utf8').then(
    text => text.trim(),
    () => null
  )
}

async function askGit(cwd: string): Promise<string | null> {
  try {
    // Loaded only here: node:child_process (and the net and stream modules it pulls in) costs every
    // command's start-up, and the repository's files settle the commit in the common case.
    const { execFile } = await import('node:child_process')
    const { stdout } = await promisify(execFile)('git', ['rev-parse', 'HEAD'], { cwd })
    return stdout.trim() || null
  } catch {
    return null
  }
}

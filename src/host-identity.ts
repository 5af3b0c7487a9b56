/**
 * Which processes this one can check: a lock, a version reservation or a scratch workspace names the
 * process that made it, and a process that is certainly gone lets another take it over. "Certainly
 * gone" needs the same process table: the same machine, booted once, and the same pid namespace.
 * A host name alone is not that: containers share their host's name (host networking) or are given
 * one (`--hostname ci`), and then a pid that exists in one container is missing in the other, so a
 * live holder would be taken for gone, and two writers would change the registry at once.
 *
 * So a process is named by `host~machine` (on Linux, the boot id's first 8 hex digits and the pid
 * namespace's inode), and only a record made under the same name is checked by its pid; any other
 * is another machine's, which only its age can tell of. Records written before this carry the bare
 * host name, and are checked as they were.
 */
import { readFileSync, readlinkSync } from 'node:fs'
import os from 'node:os'

let identity: string | null = null

/** This process's host and process table, as records name it (`host` or `host~bootid.pidns`). */
export function hostIdentity(): string {
  identity ??= computeIdentity()
  return identity
}

function computeIdentity(): string {
  const host = os.hostname()
  let boot = ''
  let namespace = ''
  try {
    boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim().replaceAll('-', '').slice(0, 8)
  } catch {
    // Not Linux, or no /proc: the host name is all there is.
  }
  try {
    namespace = /\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))?.[1] ?? ''
  } catch {
    // As above.
  }
  return boot || namespace ? `${host}~${boot}.${namespace}` : host
}

/**
 * Whether a record made by `host` (as hostIdentity() names it, or a bare host name from before) was
 * made where this process can check its pid.
 */
export function sameProcessTable(host: string): boolean {
  return host.includes('~') ? host === hostIdentity() : host === os.hostname()
}

/**
 * Whether the process `pid` that a record of `host` names is certainly gone: made in this process
 * table, and signal 0 finds no such process (ESRCH; EPERM means one exists that is not ours).
 */
export function processGone(host: string, pid: number): boolean {
  if (!sameProcessTable(host)) return false
  try {
    process.kill(pid, 0)
    return false
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

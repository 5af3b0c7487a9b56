/**
 * Imported first by the action's entry, so that it runs before the toolkit loads: the toolkit parses
 * the event's payload as it is imported, and a file it cannot read would end the step with a stack
 * trace instead of a message (see setAsideUnusablePayload).
 */
import { setAsideUnusablePayload } from './events.js'

setAsideUnusablePayload(process.env)

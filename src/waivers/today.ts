import { isCalendarDay } from '../config/validate-waivers.js';
import { UsageError } from '../errors.js';

/**
 * The day waivers expire against: APIGOV_TODAY (YYYY-MM-DD) when set, so CI runs and tests are
 * reproducible, else today's date in UTC. A waiver holds through its `expires` day.
 */
export function todayFrom(env: Record<string, string | undefined>): string {
  const pinned = env.APIGOV_TODAY;
  if (pinned === undefined || pinned === '') return new Date().toISOString().slice(0, 10);
  if (!isCalendarDay(pinned)) throw new UsageError(`APIGOV_TODAY: must be a date YYYY-MM-DD (got "${pinned}")`);
  return pinned;
}

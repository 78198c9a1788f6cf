// The countdown's arithmetic, apart from election.ts (the progress summary), which a countdown
// does not download.
import type { ElectionPlan } from './election-plan.js';
import { calendarDaysBetween, fromVietnamTime, type DateInput } from './vi/dates.js';

/**
 * Calendar days from `now` to election day, counted in Vietnam: 0 on the day itself,
 * negative once it has passed.
 */
export function daysUntilElection(plan: Pick<ElectionPlan, 'electionDay'>, now: DateInput = Date.now()): number {
  const [year, month, day] = plan.electionDay.split('-').map(Number) as [number, number, number];
  return calendarDaysBetween(now, fromVietnamTime(year, month, day));
}

/**
 * How a meeting box writes a meeting: its heading and its agenda grouped by outcome. The
 * figures it set are written by target-format.ts, which a figures box uses without these.
 */
import type { AgendaItem, AgendaOutcome, Meeting } from './meeting.js';
import { formatTerm } from './vi/terms.js';

/**
 * "Hội nghị lần thứ 2 Ban Chấp hành Đảng bộ Thành phố (khóa XVII)". The term is written by its
 * number when there is one ("khóa XVII"), else by its period ("nhiệm kỳ 2020-2025"). The heading
 * is a proper name and stays Vietnamese in every language.
 */
export function formatMeetingTitle(meeting: Pick<Meeting, 'kind' | 'session' | 'body' | 'term'>): string {
  const { kind, session, body, term } = meeting;
  const termText = term
    ? formatTerm(term.number !== undefined ? { number: term.number, roman: term.roman } : term)
    : '';
  return [kind, session !== undefined ? `lần thứ ${session}` : '', body, termText ? `(${termText})` : '']
    .filter((part) => part !== '')
    .join(' ');
}

/** The order a report lists what a meeting did: thông qua, thảo luận, cho ý kiến, quyết nghị. */
export const AGENDA_OUTCOMES: readonly AgendaOutcome[] = ['adopted', 'discussed', 'commented', 'decided'];

/** The agenda grouped by outcome, in AGENDA_OUTCOMES order, each group in agenda order; empty groups left out. */
export function groupAgendaByOutcome(agenda: readonly AgendaItem[]): { outcome: AgendaOutcome; items: AgendaItem[] }[] {
  return AGENDA_OUTCOMES.map((outcome) => ({
    outcome,
    items: agenda.filter((item) => item.outcome === outcome),
  })).filter((group) => group.items.length > 0);
}

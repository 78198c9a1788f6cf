import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysUntilElection } from './election-day.js';
import { electionProgress } from './election.js';
import { seedElectionPlan } from './fixtures/index.js';

test('days until 15/3/2026, counted in Vietnam', () => {
  assert.equal(daysUntilElection(seedElectionPlan, '2026-02-02T10:00:00+07:00'), 41);
  assert.equal(daysUntilElection(seedElectionPlan, '2026-03-14T23:59:00+07:00'), 1);
  // 17:30 UTC on the 14th is already the 15th in Hà Nội: election day.
  assert.equal(daysUntilElection(seedElectionPlan, '2026-03-14T17:30:00Z'), 0);
  assert.equal(daysUntilElection(seedElectionPlan, '2026-03-16T08:00:00+07:00'), -1);
});

test('progress reproduces the seed figures', () => {
  const progress = electionProgress(seedElectionPlan);
  const byId = Object.fromEntries(progress.tracks.map((track) => [track.id, track]));
  assert.equal(byId['ubbc-quy-trinh']?.percent, 49); // 17/35 steps
  assert.equal(byId['ubbc-nhiem-vu']?.percent, 100); // 17/17 (100%)
  assert.equal(byId['bcd-nhiem-vu']?.remaining, 14); // "14 nhiệm vụ còn lại"
  assert.deepEqual(progress.units, { completed: 126, total: 126, percent: 100 });
  assert.equal(progress.dossiers, 303);
  assert.equal(progress.milestones.next?.id, 'ngay-bau-cu');
  assert.equal(progress.milestones.done, 3);
});

test('degenerate plans do not divide by zero or go negative', () => {
  const plan = {
    ...seedElectionPlan,
    progress: [{ id: 'x', label: 'x', done: 5, current: 9, total: 3, unit: 'bước' }],
    units: { label: 'xã', total: 0 },
    milestones: [],
    dossiers: [],
  };
  const progress = electionProgress(plan);
  assert.equal(progress.tracks[0]?.percent, 100);
  assert.equal(progress.tracks[0]?.remaining, 0);
  assert.equal(progress.units.percent, 0);
  assert.equal(progress.milestones.next, null);
});

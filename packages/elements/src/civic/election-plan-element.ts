import type { ElectionPlan } from '@bantin/model';
import { ElectionPlanWire } from '@bantin/model/wire-schemas/election-plan.js';
import { TinCivicElement, type CivicProblem } from './civic-element.js';
import { checkCivicWithLists } from './model-data.js';

/** The plan's lists whose bad items are left out rather than refusing the plan. */
const LISTS = ['milestones', 'progress', 'dossiers'];

/**
 * What the election elements share: their `plan`, filled from the JSON child when unset, and
 * checked against the model's `ElectionPlanWire`.
 */
export abstract class TinElectionPlanElement extends TinCivicElement {
  protected readonly dataProperty = 'plan';

  protected applyScriptData(data: unknown): void {
    const checked = checkCivicWithLists(ElectionPlanWire, data, LISTS);
    if ('problem' in checked) {
      this.scriptProblem = checked.problem;
      this.reportScriptProblem();
    }
    // Each subclass declares `plan` itself (a Lit property): declared here, the manifest would
    // call it inherited and the generated reference would leave it out.
    this.fillFromScript('plan', data);
  }

  /** The plan checked, bad list items left out (one warning counts them); or the problem. */
  protected checkPlan(plan: ElectionPlan): { value: ElectionPlan } | { problem: CivicProblem } {
    const checked = checkCivicWithLists(ElectionPlanWire, plan, LISTS);
    if ('skipped' in checked) this.warnSkipped('milestones, tracks or dossier entries', checked.skipped);
    return checked;
  }
}

import { actsFor, gate, produceRefusal } from "../access/policy";
import { transact, type RequestContext } from "../core/request-context";
import { companyActedOn } from "../companies/company-access";
import type { EngineerRow } from "../db/schema";
import { ok, refused, RefusedError, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf, toGlobalId } from "../graphql/global-id";
import { rebookEngineer } from "../capacity/capacity-booking";
import { contractEvent } from "../events/domain-events";
import { appendEvents, actorOf } from "../events/event.repository";
import { formatHours } from "../capacity/hours";
import { localDate } from "../shared/time";
import { intInRange, requiredName } from "../shared/validate";
import type { AddEngineerInput, UpdateEngineerInput } from "./engineer.inputs";
import { findEngineersByIds, insertEngineer, updateEngineer } from "./engineer.repository";
import { capabilitiesOfferedBy } from "../offers/capability-offer.repository";
import { setSkills, skillsOfEngineers } from "../offers/engineer-skill.repository";
import { findCapabilitiesByIds } from "../capabilities/capability.repository";
import { bookedOnEngineerByCapability } from "../capacity/capacity.repository";
import { weekStart } from "../capacity/weeks";
import type { Executor } from "../db/executor";

const MAX_SKILLS = 50;

/** The catalogue's capabilities named by global ids (duplicates once), or errors at capabilityIds. */
async function capabilitiesNamed(db: Executor, globalIds: readonly string[], errors: UserErrors): Promise<number[]> {
  if (globalIds.length > MAX_SKILLS) {
    errors.add("capabilityIds", UserErrorCode.OUT_OF_RANGE, `An engineer holds at most ${MAX_SKILLS} capabilities.`);
    return [];
  }
  const ids = globalIds.map((id) => idOf(id, "Capability"));
  const known = new Set((await findCapabilitiesByIds(db, ids.filter((id): id is number => id !== null))).map((c) => c.id));
  ids.forEach((id, i) => {
    if (id === null || !known.has(id)) errors.add(["capabilityIds", String(i)], UserErrorCode.NOT_FOUND, "No capability with this id in the catalogue.");
  });
  return [...new Set(ids.filter((id): id is number => id !== null))];
}

const MIN_WEEKLY_HOURS = 1;
const MAX_WEEKLY_HOURS = 168;

/** Use cases of engineers. Only contract companies have engineers (the technopark split). */
export class EngineerService {
  async addEngineer(ctx: RequestContext, input: AddEngineerInput): Promise<Outcome<EngineerRow>> {
    const v = gate(ctx.viewer, "addEngineer");
    const errors = new UserErrors();
    const name = requiredName(errors, "name", input.name, "Engineer name");
    intInRange(errors, "weeklyHours", input.weeklyHours, "Weekly hours", MIN_WEEKLY_HOURS, MAX_WEEKLY_HOURS);
    return transact(ctx, async ({ db: tx }) => {
      const company = await companyActedOn(tx, v, input.companyId, errors);
      const refusal = company && produceRefusal(company.kind);
      if (refusal) errors.add("companyId", refusal.code, refusal.message);
      const skills = input.capabilityIds == null ? null : await capabilitiesNamed(tx, input.capabilityIds, errors);
      if (errors.any || !company) return refused(errors);
      const engineer = await insertEngineer(tx, { companyId: company.id, name, role: input.role, weeklyHours: input.weeklyHours, active: true, createdAt: ctx.now });
      await setSkills(tx, engineer.id, skills ?? (await capabilitiesOfferedBy(tx, company.id)));
      return ok(engineer);
    });
  }

  async updateEngineer(ctx: RequestContext, input: UpdateEngineerInput): Promise<Outcome<EngineerRow>> {
    const v = gate(ctx.viewer, "updateEngineer");
    const errors = new UserErrors();
    const changes: Partial<EngineerRow> = {};
    if (input.name != null) changes.name = requiredName(errors, "name", input.name, "Engineer name");
    if (input.role != null) changes.role = input.role;
    if (input.weeklyHours != null) {
      changes.weeklyHours = intInRange(errors, "weeklyHours", input.weeklyHours, "Weekly hours", MIN_WEEKLY_HOURS, MAX_WEEKLY_HOURS);
    }
    if (input.active != null) changes.active = input.active;
    return transact(ctx, async ({ db: tx }) => {
      const id = idOf(input.engineerId, "Engineer");
      const engineer = id === null ? undefined : (await findEngineersByIds(tx, [id]))[0];
      if (!engineer || !actsFor(v, engineer.companyId)) {
        errors.add("engineerId", UserErrorCode.NOT_FOUND, "No engineer with this id that you may change.");
      }
      const skills = input.capabilityIds == null ? null : await capabilitiesNamed(tx, input.capabilityIds, errors);
      if (errors.any || !engineer) return refused(errors);
      if (skills !== null) {
        // A skill with work booked on the engineer stays until that work is reassigned.
        const held = (await skillsOfEngineers(tx, [engineer.id])).get(engineer.id)!;
        const dropped = held.filter((id) => !skills.includes(id));
        const booked = await bookedOnEngineerByCapability(tx, engineer.id, dropped, weekStart(localDate(ctx.now)));
        if (booked.size > 0) {
          const names = (await findCapabilitiesByIds(tx, [...booked.keys()])).map((c) => `${c.name} (${formatHours(booked.get(c.id)!)} h)`).join(", ");
          return refused(errors.add("capabilityIds", UserErrorCode.INVALID_STATE, `${engineer.name} has work booked from this week on in ${names}: reassign it (reassignWork) before taking the capability away.`));
        }
        await setSkills(tx, engineer.id, skills);
      }
      if (Object.keys(changes).length === 0) return ok(engineer);
      const updated = await updateEngineer(tx, engineer.id, changes);
      const oldCapacity = engineer.active ? engineer.weeklyHours * 100 : 0;
      const newCapacity = updated.active ? updated.weeklyHours * 100 : 0;
      if (newCapacity < oldCapacity) {
        // Work booked on the engineer beyond the new capacity moves to colleagues, or the change is refused.
        const { moved, shortfalls } = await rebookEngineer(tx, engineer.id, newCapacity, localDate(ctx.now));
        if (shortfalls.length > 0) {
          const list = shortfalls.map((s) => `${toGlobalId("Contract", s.contractId)} (${formatHours(s.missingCentihours)} h short)`).join(", ");
          throw new RefusedError(
            errors.add(
              changes.active === false ? "active" : "weeklyHours",
              UserErrorCode.INSUFFICIENT_CAPACITY,
              `The booked work no longer fits before its promised dates on the company's other engineers: ${list}.`,
            ).list,
          );
        }
        const why = updated.active ? `${engineer.name}'s weekly hours cut to ${updated.weeklyHours}.` : `${engineer.name} deactivated.`;
        await appendEvents(tx, actorOf(v), ctx.now, moved.map(({ contract, centihours }) => contractEvent("BOOKINGS_MOVED", contract, { centihours, note: `${why} The work moved to colleagues.` })));
      }
      return ok(updated);
    });
  }
}

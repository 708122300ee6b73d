import { gate } from "../access/policy";
import { transact, type RequestContext } from "../core/request-context";
import type { CompanyFactorValueRow, ScoreFactorRow, ScoreSubjectValue } from "../db/schema";
import { SCORE_COMPONENT_VALUES } from "../db/schema";
import { ok, refused, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { actorOf } from "../events/event.repository";
import { findCompanyById } from "../companies/company.repository";
import { findParksByIds } from "../parks/park.repository";
import { idempotent } from "../shared/idempotency";
import { optionalText, requiredName } from "../shared/validate";
import { subjectOf } from "./scorecard";
import {
  findFactorValue,
  findParkScoreWeights,
  findScoreFactor,
  findScoreFactors,
  findScoreWeights,
  insertFactorValue,
  insertScoreFactor,
  saveParkScoreWeights,
  saveScoreWeights,
} from "./scorecard.repository";
import type { AddScoreFactorInput, RecordScoreFactorValueInput, SetScoreWeightsInput } from "./scorecard.inputs";

export interface WeightRow {
  factor: string;
  name: string;
  component: (typeof SCORE_COMPONENT_VALUES)[number];
  weight: number;
}

const CODE = /^[A-Z][A-Z0-9_]{2,39}$/;
/** The most sub-factors the two scores may have together. */
export const MAX_SCORE_FACTORS = 50;
/** Hundredths from a number given to two decimals; null when it has more. */
const centi = (x: number): number | null => (Number.isFinite(x) && Math.abs(x * 100 - Math.round(x * 100)) < 1e-6 ? Math.round(x * 100) : null);

/**
 * The capability model in full (C = sum over k of sum over i of a(i,k) x(i,k)): its sub-factors,
 * measured or entered, for contractors and for customers; their weights, the defaults and a
 * park's own; and the entered values, with who entered them and when.
 */
export class ScoreModelService {
  async factors(ctx: RequestContext, subject: ScoreSubjectValue | null): Promise<ScoreFactorRow[]> {
    gate(ctx.viewer, "scoreWeights");
    return (await findScoreFactors(ctx.db)).filter((f) => subject == null || f.subject === subject);
  }

  /** The weights in force for a subject: the park's own if it has them, else the defaults. */
  async weights(ctx: RequestContext, args: { subject: ScoreSubjectValue; parkId?: string | null }): Promise<{ parkOwn: boolean; weights: WeightRow[] }> {
    gate(ctx.viewer, "scoreWeights");
    let own: Map<string, number> | undefined;
    if (args.parkId) {
      const id = idOf(args.parkId, "Park");
      own = id === null ? undefined : (await findParkScoreWeights(ctx.db, [id])).get(id)?.get(args.subject);
    }
    const weights = own ?? (await findScoreWeights(ctx.db));
    const factors = (await findScoreFactors(ctx.db)).filter((f) => f.subject === args.subject);
    const ordered = SCORE_COMPONENT_VALUES.flatMap((component) => factors.filter((f) => f.component === component));
    return { parkOwn: own !== undefined, weights: ordered.map((f) => ({ factor: f.code, name: f.name, component: f.component, weight: weights.get(f.code) ?? 0 })) };
  }

  /** The coordinator sets every weight of a subject at once, the defaults or a park's own; they must add up to 100 points. */
  async setWeights(ctx: RequestContext, input: SetScoreWeightsInput): Promise<Outcome<WeightRow[]>> {
    gate(ctx.viewer, "setScoreWeights");
    const subject = input.subject ?? "CONTRACTOR";
    return transact(ctx, async (inner) => {
      const errors = new UserErrors();
      const factors = (await findScoreFactors(inner.db)).filter((f) => f.subject === subject);
      const known = new Set(factors.map((f) => f.code));
      const weights = new Map<string, number>();
      input.weights.forEach((w, i) => {
        if (!Number.isInteger(w.weight) || w.weight < 0 || w.weight > 100) errors.add(["weights", String(i), "weight"], UserErrorCode.OUT_OF_RANGE, "A weight is from 0 to 100 points.");
        if (!known.has(w.factor)) errors.add(["weights", String(i), "factor"], UserErrorCode.NOT_FOUND, `${w.factor} is not a sub-factor of the ${subject.toLowerCase()} score.`);
        else if (weights.has(w.factor)) errors.add(["weights", String(i), "factor"], UserErrorCode.WEIGHTS_DO_NOT_ADD_UP, `${w.factor} is listed twice.`);
        weights.set(w.factor, w.weight);
      });
      const missing = factors.filter((f) => !weights.has(f.code)).map((f) => f.code);
      if (missing.length > 0) errors.add("weights", UserErrorCode.WEIGHTS_DO_NOT_ADD_UP, `Every sub-factor needs a weight; missing: ${missing.join(", ")}.`);
      const total = [...weights.values()].reduce((a, b) => a + b, 0);
      if (!errors.any && total !== 100) errors.add("weights", UserErrorCode.WEIGHTS_DO_NOT_ADD_UP, `The weights add up to ${total} points, not 100.`);
      let parkId: number | null = null;
      if (input.parkId != null) {
        parkId = idOf(input.parkId, "Park");
        if (parkId === null || (await findParksByIds(inner.db, [parkId])).length === 0) errors.add("parkId", UserErrorCode.NOT_FOUND, "No park with this id.");
      }
      if (errors.any) return refused(errors);
      if (parkId === null) await saveScoreWeights(inner.db, weights, ctx.now);
      else await saveParkScoreWeights(inner.db, parkId, weights, ctx.now);
      return ok((await this.weights(inner, { subject, parkId: input.parkId })).weights);
    });
  }

  /** The coordinator adds an entered sub-factor to a component of a subject's score, with weight 0 until weights are set again. */
  async addFactor(ctx: RequestContext, input: AddScoreFactorInput): Promise<Outcome<ScoreFactorRow>> {
    gate(ctx.viewer, "addScoreFactor");
    return transact(ctx, async ({ db: tx }) => {
      const errors = new UserErrors();
      if (!CODE.test(input.code)) errors.add("code", UserErrorCode.INVALID_FORMAT, "A code is 3 to 40 of A-Z, 0-9 and _, starting with a letter, e.g. CERTIFICATIONS.");
      else if (await findScoreFactor(tx, input.code)) errors.add("code", UserErrorCode.TAKEN, `There is already a sub-factor ${input.code}.`);
      const existing = await findScoreFactors(tx);
      if (existing.length >= MAX_SCORE_FACTORS) errors.add(null, UserErrorCode.OUT_OF_RANGE, `The scores have ${MAX_SCORE_FACTORS} sub-factors, the most they may.`);
      const name = requiredName(errors, "name", input.name, "Name");
      const description = optionalText(errors, "description", input.description, "Description");
      const reference = centi(input.reference);
      if (reference === null || reference <= 0) errors.add("reference", UserErrorCode.OUT_OF_RANGE, "The reference is above 0, to at most two decimals.");
      if (errors.any) return refused(errors);
      return ok(
        await insertScoreFactor(tx, {
          code: input.code,
          subject: input.subject,
          component: input.component,
          name,
          description,
          source: "ENTERED",
          referenceCenti: reference,
          position: Math.max(0, ...existing.map((f) => f.position)) + 1,
          lowerIsBetter: input.lowerIsBetter ?? false,
          createdAt: ctx.now,
        }),
      );
    });
  }

  /** The coordinator enters a company's value of an entered sub-factor; the latest is in force, the earlier ones are kept. */
  async recordValue(ctx: RequestContext, input: RecordScoreFactorValueInput): Promise<Outcome<CompanyFactorValueRow>> {
    const v = gate(ctx.viewer, "recordScoreFactorValue");
    return transact(ctx, async ({ db: tx }) =>
      idempotent(tx, v, "recordScoreFactorValue", input.idempotencyKey, input, async () => {
        const errors = new UserErrors();
        const note = optionalText(errors, "note", input.note, "Note");
        const value = centi(input.value);
        if (value === null || value < 0) errors.add("value", UserErrorCode.OUT_OF_RANGE, "The value is 0 or more, to at most two decimals.");
        const companyId = idOf(input.companyId, "Company");
        const company = companyId === null ? undefined : await findCompanyById(tx, companyId);
        if (!company) errors.add("companyId", UserErrorCode.NOT_FOUND, "No company with this id.");
        const factor = await findScoreFactor(tx, input.factor);
        if (!factor) errors.add("factor", UserErrorCode.NOT_FOUND, `No sub-factor ${input.factor}.`);
        else if (factor.source !== "ENTERED") errors.add("factor", UserErrorCode.INVALID_STATE, `${factor.code} is measured from the platform's data; only entered sub-factors take values.`);
        else if (company && subjectOf(company.kind) !== factor.subject) errors.add("factor", UserErrorCode.INVALID_STATE, `${factor.code} belongs to the ${factor.subject.toLowerCase()} score, which this company does not have.`);
        if (errors.any || !company || !factor || value === null) return refused(errors);
        return ok(await insertFactorValue(tx, { companyId: company.id, factor: factor.code, valueCenti: value, note, enteredByTokenId: v.tokenId, enteredByName: actorOf(v).name, enteredAt: ctx.now }));
      }, (row) => row.id, async (id) => (await findFactorValue(tx, id))!, ctx.now),
    );
  }
}

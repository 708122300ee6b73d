import type { PageRequest, Listed } from "../db/page";
import { listCapabilities, countCapabilities, findCapabilityByCodeOrNameKey, insertCapability } from "./capability.repository";
import { gate } from "../access/policy";
import { transact, type RequestContext } from "../core/request-context";
import type { CapabilityRow } from "../db/schema";
import { ok, refused, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { nameKey } from "../shared/text";
import { optionalText, requiredName } from "../shared/validate";
import type { AddCapabilityInput } from "./capability.inputs";

const CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;

/** MECHANICAL_MACHINING from "Mechanical machining". */
export function codeFromName(name: string): string {
  return name
    .normalize("NFKD")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
}

/** Use cases of the capability catalogue, which the coordinator keeps. */
export class CapabilityService {
  /** The catalogue, oldest first: public. */
  async list(ctx: RequestContext, page: PageRequest): Promise<Listed<CapabilityRow>> {
    return { rows: await listCapabilities(ctx.db, page), count: () => countCapabilities(ctx.db) };
  }

  async addCapability(ctx: RequestContext, input: AddCapabilityInput): Promise<Outcome<CapabilityRow>> {
    gate(ctx.viewer, "addCapability");
    const errors = new UserErrors();
    const name = requiredName(errors, "name", input.name, "Capability name");
    const description = optionalText(errors, "description", input.description, "Description");
    const code = input.code != null ? input.code.trim() : codeFromName(name);
    if (name && !CODE_PATTERN.test(code)) {
      errors.add(input.code != null ? "code" : "name", UserErrorCode.INVALID_FORMAT, "The code must be 2 to 40 of A-Z, 0-9 and _, starting with a letter.");
    }
    if (errors.any) return refused(errors);
    return transact(ctx, async ({ db: tx }) => {
      const existing = await findCapabilityByCodeOrNameKey(tx, code, nameKey(name));
      if (existing) {
        const field = existing.code === code ? "code" : "name";
        return refused(errors.add(field, UserErrorCode.TAKEN, `The catalogue already has "${existing.name}" (${existing.code}).`));
      }
      return ok(await insertCapability(tx, { code, name, nameKey: nameKey(name), description, createdAt: ctx.now }));
    });
  }
}

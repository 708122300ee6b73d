import type { Context } from "./context";
import { toCapability, type Capability } from "./capability.type";

/** The capability behind a foreign key, through the request's loader. */
export async function loadCapability(ctx: Context, capabilityId: number): Promise<Capability> {
  const row = await ctx.loaders.capabilityById.load(capabilityId);
  if (!row) throw new Error(`Missing capability ${capabilityId}`);
  return toCapability(row);
}

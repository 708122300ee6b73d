import type { Context } from "./context";
import { toCompany, type Company } from "./company.type";

/** The company behind a foreign key, through the request's loader. */
export async function loadCompany(ctx: Context, companyId: number): Promise<Company> {
  const row = await ctx.loaders.companyById.load(companyId);
  if (!row) throw new Error(`Missing company ${companyId}`);
  return toCompany(row);
}

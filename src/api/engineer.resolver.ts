import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { loadCompany } from "./company-field";
import { Company } from "./company.type";
import type { Context } from "./context";
import { payloadOf } from "../graphql/errors";
import { AddEngineerInput, UpdateEngineerInput } from "../engineers/engineer.inputs";
import { AddEngineerPayload, UpdateEngineerPayload } from "./engineer.payloads";
import { Engineer, toEngineer } from "./engineer.type";
import { Capability, toCapability } from "./capability.type";
import type { CapabilityRow } from "../db/schema";

@Resolver(() => Engineer)
export class EngineerResolver {
  @FieldResolver(() => Company, { description: "The contract company the engineer works for." })
  company(@Root() engineer: Engineer, @Ctx() ctx: Context): Promise<Company> {
    return loadCompany(ctx, engineer.companyDbId);
  }

  @FieldResolver(() => [Capability], { description: "The capabilities the engineer holds (at most 50): work in them is booked on the engineer, and they count in those capabilities' capacity." })
  async capabilities(@Root() engineer: Engineer, @Ctx() ctx: Context): Promise<Capability[]> {
    const rows = await ctx.loaders.capabilityById.loadMany(await ctx.loaders.skillsByEngineer.load(engineer.dbId));
    return rows.filter((row): row is CapabilityRow => row !== undefined && !(row instanceof Error)).map(toCapability);
  }

  @Mutation(() => AddEngineerPayload, { description: "Adds an engineer to a contract company. Its members or the coordinator." })
  addEngineer(@Arg("input", () => AddEngineerInput, { description: "The mutation's input; its type describes each field." }) input: AddEngineerInput, @Ctx() ctx: Context): Promise<AddEngineerPayload> {
    return payloadOf(ctx.services.engineers.addEngineer(ctx, input), (row) => ({ engineer: toEngineer(row) }), { engineer: null });
  }

  @Mutation(() => UpdateEngineerPayload, {
    description: "Changes an engineer's name, role, weekly hours or whether they take work. Its company's members or the coordinator.",
  })
  updateEngineer(@Arg("input", () => UpdateEngineerInput, { description: "The mutation's input; its type describes each field." }) input: UpdateEngineerInput, @Ctx() ctx: Context): Promise<UpdateEngineerPayload> {
    return payloadOf(ctx.services.engineers.updateEngineer(ctx, input), (row) => ({ engineer: toEngineer(row) }), { engineer: null });
  }
}

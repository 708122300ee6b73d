import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { loadCompany } from "./company-field";
import { Company } from "./company.type";
import type { Context } from "./context";
import { PageArgs, pageRequest, toConnection, type Connection } from "../graphql/connection";
import { payloadOf } from "../graphql/errors";
import { RecordInvestmentInput } from "../reports/investment.inputs";
import { Investment, InvestmentConnection, InvestmentPayload, toInvestment } from "./investment.type";

@Resolver(() => Investment)
export class InvestmentResolver {
  @FieldResolver(() => Company, { description: "The company invested in." })
  company(@Root() investment: Investment, @Ctx() ctx: Context): Promise<Company> {
    return loadCompany(ctx, investment.companyDbId);
  }

  @Query(() => InvestmentConnection, { nullable: true, description: "Investments into a park's companies, oldest first. The coordinator and investors." })
  async investments(@Arg("parkId", () => ID, { description: "The park." }) parkId: string, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Connection<Investment>> {
    const page = pageRequest(args);
    const { rows, count } = await ctx.services.reports.investments(ctx, parkId, page);
    return toConnection(rows, page, toInvestment, count);
  }
  @Mutation(() => InvestmentPayload, { description: "The coordinator records an investment into a company." })
  recordInvestment(@Arg("input", () => RecordInvestmentInput, { description: "The mutation's input; its type describes each field." }) input: RecordInvestmentInput, @Ctx() ctx: Context): Promise<InvestmentPayload> {
    return payloadOf(ctx.services.reports.recordInvestment(ctx, input), (row) => ({ investment: toInvestment(row) }), { investment: null });
  }
}

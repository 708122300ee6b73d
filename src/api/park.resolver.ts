import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { CompanyConnection, toCompany, type Company } from "./company.type";
import { CompanyKind } from "../companies/company-kind";
import type { Context } from "./context";
import { PageArgs, pageRequest, toConnection, type Connection } from "../graphql/connection";
import { payloadOf } from "../graphql/errors";
import { CreateParkInput } from "../parks/park.inputs";
import { CreateParkPayload } from "./park.payloads";
import { Park, ParkConnection, toPark } from "./park.type";

@Resolver(() => Park)
export class ParkResolver {
  @Query(() => ParkConnection, { nullable: true, description: "Technoparks and clusters on the platform. Public." })
  async parks(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Connection<Park>> {
    const page = pageRequest(args);
    const { rows, count } = await ctx.services.parks.list(ctx, page);
    return toConnection(rows, page, toPark, count);
  }

  @FieldResolver(() => CompanyConnection, { description: "Companies of this park, oldest first. Public profiles." })
  async companies(
    @Root() park: Park,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("kind", () => CompanyKind, { nullable: true, description: "Only companies of this kind." }) kind: CompanyKind | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Company>> {
    const page = pageRequest(args);
    const filter = { kind: kind ?? undefined };
    const rows = await ctx.loaders.companiesByPark.load({ parentId: park.dbId, page, filter });
    return toConnection(rows, page, toCompany, () => ctx.loaders.companiesByPark.countOf(park.dbId, filter));
  }

  @Mutation(() => CreateParkPayload, { description: "Adds a technopark or cluster. Coordinator only." })
  createPark(@Arg("input", () => CreateParkInput, { description: "The mutation's input; its type describes each field." }) input: CreateParkInput, @Ctx() ctx: Context): Promise<CreateParkPayload> {
    return payloadOf(ctx.services.parks.createPark(ctx, input), (row) => ({ park: toPark(row) }), { park: null });
  }
}

import { subjectOf } from "../reports/scorecard";
import { GraphQLSafeInt } from "graphql-scalars";
import { Extensions, Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { fieldCost, REPORT_COST } from "../graphql/limits";
import { type Connection, PageArgs, pageRequest, toConnection } from "../graphql/connection";
import { Scorecard, toScorecard } from "./scorecard.type";
import { sees } from "../access/policy";
import { toApiToken } from "./api-token.type";
import type { Context } from "./context";
import { EngineerConnection, toEngineer, type Engineer } from "./engineer.type";
import { badUserInput, payloadOf } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { CapabilityOfferConnection, toCapabilityOffer, type CapabilityOffer } from "./capability-offer.type";
import { Park, toPark } from "./park.type";
import { LIMITS } from "../shared/validate";
import { CompanyFilter, RegisterCompanyInput, UpdateCompanyProfileInput } from "../companies/company.inputs";
import { RegisterCompanyPayload, UpdateCompanyProfilePayload } from "./company.payloads";
import { type CompanyCriteria } from "../companies/company.repository";
import { controlCharacterIn } from "../shared/text";
import { Company, CompanyConnection, toCompany } from "./company.type";

/** Filter ids that name nothing match nothing, rather than being ignored. */
function criteriaOf(filter: CompanyFilter | null): CompanyCriteria | null {
  const criteria: CompanyCriteria = {};
  if (!filter) return criteria;
  if (filter.parkId != null) {
    const parkId = idOf(filter.parkId, "Park");
    if (parkId === null) return null;
    criteria.parkId = parkId;
  }
  if (filter.capabilityId != null) {
    const capabilityId = idOf(filter.capabilityId, "Capability");
    if (capabilityId === null) return null;
    criteria.capabilityId = capabilityId;
  }
  if (filter.kind != null) criteria.kind = filter.kind;
  if (filter.nameContains != null && filter.nameContains.trim() !== "") {
    // SQLite refuses LIKE patterns past 50,000 bytes; no company name is longer than LIMITS.nameLength.
    if (controlCharacterIn(filter.nameContains)) throw badUserInput("nameContains must not contain control characters.", "filter.nameContains");
    if (filter.nameContains.trim().length > LIMITS.nameLength) throw badUserInput(`nameContains must be at most ${LIMITS.nameLength} characters, as company names are.`, "filter.nameContains");
    criteria.nameContains = filter.nameContains.trim().toLowerCase();
  }
  return criteria;
}

@Resolver(() => Company)
export class CompanyResolver {
  @Query(() => CompanyConnection, { nullable: true, description: "Companies of all parks, oldest first. Public profiles." })
  async companies(
    @Args(() => PageArgs) args: PageArgs,
    @Arg("filter", () => CompanyFilter, { nullable: true, description: "Narrows the list." }) filter: CompanyFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Company>> {
    const page = pageRequest(args);
    const criteria = criteriaOf(filter);
    const { rows, count } = criteria ? await ctx.services.companies.list(ctx, criteria, page) : { rows: [], count: async () => 0 };
    return toConnection(rows, page, toCompany, count);
  }

  @FieldResolver(() => Park, { description: "The park the company belongs to." })
  async park(@Root() company: Company, @Ctx() ctx: Context): Promise<Park> {
    const row = await ctx.loaders.parkById.load(company.parkDbId);
    if (!row) throw new Error(`Company ${company.dbId} has no park ${company.parkDbId}`);
    return toPark(row);
  }

  @FieldResolver(() => GraphQLSafeInt, { nullable: true, description: "Number of employees. Null for anonymous callers." })
  employeeCount(@Root() company: Company, @Ctx() ctx: Context): number | null {
    return ctx.viewer ? company.employees : null;
  }

  @FieldResolver(() => EngineerConnection, {
    nullable: true,
    description: "The company's engineers, oldest first. Null unless you are its member or the coordinator.",
  })
  async engineers(
    @Root() company: Company,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("includeInactive", () => Boolean, { defaultValue: false, description: "Include engineers who no longer take work." })
    includeInactive: boolean,
    @Ctx() ctx: Context,
  ): Promise<Connection<Engineer> | null> {
    if (!sees(ctx.viewer, "Company.engineers", { owner: company.dbId })) return null;
    const page = pageRequest(args);
    const filter = { activeOnly: !includeInactive };
    const rows = await ctx.loaders.engineersByCompany.load({ parentId: company.dbId, page, filter });
    return toConnection(rows, page, toEngineer, () => ctx.loaders.engineersByCompany.countOf(company.dbId, filter));
  }

  @FieldResolver(() => CapabilityOfferConnection, {
    description: "What the company makes, oldest offer first. Inactive offers only for its members and the coordinator.",
  })
  async capabilityOffers(
    @Root() company: Company,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("includeInactive", () => Boolean, {
      defaultValue: false,
      description: "Include withdrawn offers (ignored unless you are a member or the coordinator).",
    })
    includeInactive: boolean,
    @Ctx() ctx: Context,
  ): Promise<Connection<CapabilityOffer>> {
    const page = pageRequest(args);
    const activeOnly = !(includeInactive && sees(ctx.viewer, "CapabilityOffer (withdrawn)", { owner: company.dbId }));
    const rows = await ctx.loaders.offersByCompany.load({ parentId: company.dbId, page, filter: { activeOnly } });
    return toConnection(rows, page, toCapabilityOffer, () => ctx.loaders.offersByCompany.countOf(company.dbId, { activeOnly }));
  }

  @Mutation(() => RegisterCompanyPayload, {
    description: "Registers a product or contract company in a park (self-service, no token needed) and returns its first token, once.",
  })
  registerCompany(@Arg("input", () => RegisterCompanyInput, { description: "The mutation's input; its type describes each field." }) input: RegisterCompanyInput, @Ctx() ctx: Context): Promise<RegisterCompanyPayload> {
    return payloadOf(
      ctx.services.registration.register(ctx, input),
      ({ company, firstToken }) => ({ company: toCompany(company), token: firstToken.token, apiToken: toApiToken(firstToken.row) }),
      { company: null, token: null, apiToken: null },
    );
  }

  @Mutation(() => UpdateCompanyProfilePayload, { description: "Changes a company's name, description or size. Its members or the coordinator." })
  updateCompanyProfile(
    @Arg("input", () => UpdateCompanyProfileInput, { description: "The mutation's input; its type describes each field." }) input: UpdateCompanyProfileInput,
    @Ctx() ctx: Context,
  ): Promise<UpdateCompanyProfilePayload> {
    return payloadOf(ctx.services.companies.updateProfile(ctx, input), (row) => ({ company: toCompany(row) }), { company: null });
  }

  @Extensions(fieldCost(REPORT_COST.scorecard))
  @FieldResolver(() => Scorecard, {
    nullable: true,
    description:
      "The company's capability score with its parts: a contractor's (null for viewers other than itself, those who order, the coordinator and investors) or a customer's (null for viewers other than itself, producers, the coordinator and investors); null for universities, suppliers and banks.",
  })
  async scorecard(@Root() company: Company, @Ctx() ctx: Context): Promise<Scorecard | null> {
    const subject = subjectOf(company.kind);
    if (subject === null || !sees(ctx.viewer, subject === "CONTRACTOR" ? "Company.scorecard" : "Company.customerScorecard", { owner: company.dbId })) return null;
    const card = await ctx.loaders.scorecardByCompany.load(company.dbId);
    return card ? toScorecard(card, sees(ctx.viewer, "Company.internalReports", { owner: company.dbId })) : null;
  }
}

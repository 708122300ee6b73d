import { GraphQLSafeInt } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";
import { CompanyKind } from "./company-kind";

@InputType({ description: "Self-service registration of a company in a park." })
export class RegisterCompanyInput {
  @Field(() => ID, { description: "The park the company belongs to." })
  parkId!: string;

  @Field(() => String, { description: "Company name, unique within the park (case and spacing ignored), at most 120 characters." })
  name!: string;

  @Field(() => CompanyKind, { description: "Product company or contract manufacturer. Fixed: it can never be changed." })
  kind!: CompanyKind;

  @Field(() => String, { nullable: true, description: "What the company does, at most 4000 characters." })
  description?: string | null;

  @Field(() => GraphQLSafeInt, { description: "Number of employees, 1 to 1,000,000 (revenue per employee is reported against it)." })
  employeeCount!: number;

  @Field(() => String, { description: "Who receives the company's first API token, at most 120 characters." })
  representativeName!: string;
}

@InputType({ description: "Changes to a company's profile. Fields left out stay as they are; the kind never changes." })
export class UpdateCompanyProfileInput {
  @Field(() => ID, { nullable: true, description: "The company; defaults to the caller's own company." })
  companyId?: string | null;

  @Field(() => String, { nullable: true, description: "New name, unique within the park." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "New description." })
  description?: string | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "New number of employees, 1 to 1,000,000." })
  employeeCount?: number | null;
}

@InputType({ description: "Narrows a list of companies. Conditions combine with AND." })
export class CompanyFilter {
  @Field(() => ID, { nullable: true, description: "Only companies of this park." })
  parkId?: string | null;

  @Field(() => CompanyKind, { nullable: true, description: "Only companies of this kind." })
  kind?: CompanyKind | null;

  @Field(() => ID, { nullable: true, description: "Only contract companies with an active offer of this capability." })
  capabilityId?: string | null;

  @Field(() => String, { nullable: true, description: "Only companies whose name contains this text (case-insensitive)." })
  nameContains?: string | null;
}

import { CompanyKind } from "../companies/company-kind";
import { Field, ObjectType } from "type-graphql";
import type { CompanyRow } from "../db/schema";
import { ConnectionType } from "../graphql/connection";
import { toGlobalId } from "../graphql/global-id";
import { Node } from "../graphql/node";

@ObjectType({ implements: Node, description: "A company of a park: a product startup or a contract manufacturer." })
export class Company extends Node {
  dbId!: number;
  parkDbId!: number;
  /** Resolved through a field resolver that hides it from anonymous callers. */
  employees!: number;

  @Field(() => String, { description: "Name, unique within its park." })
  name!: string;

  @Field(() => CompanyKind, { description: "Product company or contract manufacturer; fixed at registration." })
  kind!: CompanyKind;

  @Field(() => String, { description: "What the company does." })
  description!: string;

  @Field(() => Date, { description: "When the company registered." })
  createdAt!: Date;
}

export function toCompany(row: CompanyRow): Company {
  return Object.assign(new Company(), {
    id: toGlobalId("Company", row.id),
    dbId: row.id,
    parkDbId: row.parkId,
    employees: row.employeeCount,
    name: row.name,
    kind: row.kind as CompanyKind,
    description: row.description,
    createdAt: row.createdAt,
  });
}

export const CompanyConnection = ConnectionType("Company", Company, "A page of companies.");

import type { CompanyKindValue } from "../../src/db/schema";
import { sql } from "drizzle-orm";
import { fromGlobalId } from "../../src/graphql/global-id";
import type { TestServer } from "./server";
import { query, tablesOf } from "./sql";

export const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterCompanyInput!) {
    registerCompany(input: $input) {
      company { id name kind }
      token
      userErrors { code field message }
    }
  }
`;

export const CREATE_PARK = /* GraphQL */ `
  mutation CreatePark($input: CreateParkInput!) {
    createPark(input: $input) {
      park { id name }
      userErrors { code field message }
    }
  }
`;

export const ADD_CAPABILITY = /* GraphQL */ `
  mutation AddCapability($input: AddCapabilityInput!) {
    addCapability(input: $input) {
      capability { id code name }
      userErrors { code field message }
    }
  }
`;

export const ADD_ENGINEER = /* GraphQL */ `
  mutation AddEngineer($input: AddEngineerInput!) {
    addEngineer(input: $input) {
      engineer { id name role weeklyHours active company { id } }
      userErrors { code field message }
    }
  }
`;

export const DECLARE_OFFER = /* GraphQL */ `
  mutation Declare($input: DeclareCapabilityOfferInput!) {
    declareCapabilityOffer(input: $input) {
      capabilityOffer { id unitPrice { amount currency minorUnits } engineerHoursPerUnit minLeadDays minLot maxLot active }
      userErrors { code field message }
    }
  }
`;

export interface RegisteredCompany {
  id: string;
  dbId: number;
  token: string;
}

/** A park with a product company, two contract companies and a capability, made over HTTP. */
export interface World {
  coordinator: string;
  investor: string;
  parkId: string;
  otherParkId: string;
  capabilityId: string;
  startup: RegisteredCompany;
  contractor: RegisteredCompany;
  rival: RegisteredCompany;
}

export function dbIdOf(globalId: string): number {
  const decoded = fromGlobalId(globalId);
  if (!decoded) throw new Error(`not a global id: ${globalId}`);
  return decoded.id;
}

export async function createPark(server: Pick<TestServer, "gql">, coordinator: string, name: string, kind: "TECHNOPARK" | "CLUSTER" = "TECHNOPARK"): Promise<string> {
  const res = await server.gql(CREATE_PARK, { input: { name, kind, region: "Moscow" } }, coordinator);
  expect(res.data.createPark.userErrors).toEqual([]);
  return res.data.createPark.park.id;
}

export async function registerCompany(
  server: Pick<TestServer, "gql">,
  parkId: string,
  name: string,
  kind: CompanyKindValue,
  employeeCount = 25,
): Promise<RegisteredCompany> {
  const res = await server.gql(REGISTER, { input: { parkId, name, kind, employeeCount, representativeName: `${name} admin` } });
  expect(res.data.registerCompany.userErrors).toEqual([]);
  const id = res.data.registerCompany.company.id;
  return { id, dbId: dbIdOf(id), token: res.data.registerCompany.token };
}

export async function buildWorld(server: TestServer): Promise<World> {
  const coordinator = await server.token("COORDINATOR");
  const investor = await server.token("INVESTOR");
  const parkId = await createPark(server, coordinator, "Test Technopark");
  const otherParkId = await createPark(server, coordinator, "Other Cluster");
  const capability = await server.gql(ADD_CAPABILITY, { input: { name: "Mechanical machining" } }, coordinator);
  return {
    coordinator,
    investor,
    parkId,
    otherParkId,
    capabilityId: capability.data.addCapability.capability.id,
    startup: await registerCompany(server, parkId, "Laser Startup", "PRODUCT"),
    contractor: await registerCompany(server, parkId, "Precision Works", "CONTRACT", 120),
    rival: await registerCompany(server, parkId, "Rival Fab", "CONTRACT", 80),
  };
}

/** Every row of every table: a refused mutation must leave this exactly as it was. */
export async function snapshot(server: TestServer): Promise<Record<string, unknown[]>> {
  const tables = await tablesOf(server.database);
  // Every table's first column is its key (id, or score_weights' factor).
  return Object.fromEntries(await Promise.all(tables.map(async (name) => [name, await query(server.database, sql.raw(`select * from "${name}" order by 1`))])));
}

/**
 * Runs a mutation that must be refused: no GraphQL error, no result beside the user errors,
 * each user error a sentence, and every row of every table as it was. Returns the errors as
 * [code, field path joined with "."] pairs.
 */
export async function refusedWith(
  server: TestServer,
  document: string,
  input: Record<string, unknown>,
  token: string | undefined,
): Promise<[string, string | null][]> {
  const before = await snapshot(server);
  const res = await server.gql(document, { input }, token);
  expect(res.errors).toBeUndefined();
  const payload: any = Object.values(res.data)[0];
  expect(Object.entries(payload).filter(([key, value]) => key !== "userErrors" && value !== null)).toEqual([]);
  for (const e of payload.userErrors) expect(e.message).toMatch(/\w+ \w+/);
  expect(await snapshot(server)).toEqual(before);
  return payload.userErrors.map((e: any) => [e.code, e.field ? e.field.join(".") : null]);
}

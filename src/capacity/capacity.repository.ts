import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { pagesPerParent, type Executor } from "../db/executor";
import { first, idList, inIdList, inIds, param, statementCache } from "../db/prepared";
import { bookings, capabilityOffers, companies, contracts, engineers, engineerSkills, orders, type BookingRow, type ContractRow } from "../db/schema";
import { bookedKey, type BookedHours, type BookingLine, type EngineerCapacity } from "./booking";

/** The capacity of a company's active engineers who hold a capability, in id order: the engineers its work is booked on. */
export async function activeEngineerCapacities(db: Executor, companyId: number, capabilityId: number): Promise<EngineerCapacity[]> {
  return (await db
    .select({ engineerId: engineers.id, weeklyHours: engineers.weeklyHours })
    .from(engineers)
    .innerJoin(engineerSkills, and(eq(engineerSkills.engineerId, engineers.id), eq(engineerSkills.capabilityId, capabilityId)))
    .where(and(eq(engineers.companyId, companyId), eq(engineers.active, true)))
    .orderBy(asc(engineers.id)))
    .map((e) => ({ engineerId: e.engineerId, weeklyCentihours: e.weeklyHours * 100 }));
}

/** The key of a company's figure in one capability. */
export const holderKey = (companyId: number, capabilityId: number) => `${companyId}|${capabilityId}`;

const holderCapacity = statementCache<{ companyId: number; capabilityId: number; centihours: number }[]>();

/**
 * For each company and capability (only `capabilityId`'s when given): the weekly capacity of its
 * active engineers who hold the capability, in centihours (one aggregate). Keys: holderKey.
 * Prepared once per shape, the companies bound as one list: a plan's 1,670 quoting contractors
 * take the same statement as 3, and no bound-variable limit (SQLite's 32,766) applies.
 */
export async function weeklyCapacityOfHolders(db: Executor, companyIds: number[], capabilityId: number | null): Promise<Map<string, number>> {
  if (companyIds.length === 0) return new Map();
  const query = holderCapacity(db, capabilityId === null ? "all" : "one", () =>
    db
      .select({ companyId: engineers.companyId, capabilityId: engineerSkills.capabilityId, centihours: sql<number>`sum(${engineers.weeklyHours}) * 100`.mapWith(Number) })
      .from(engineers)
      .innerJoin(engineerSkills, eq(engineerSkills.engineerId, engineers.id))
      .where(and(inIdList(engineers.companyId, "companyIds"), eq(engineers.active, true), capabilityId === null ? undefined : eq(engineerSkills.capabilityId, param(engineerSkills.capabilityId, "capabilityId"))))
      .groupBy(engineers.companyId, engineerSkills.capabilityId),
  );
  const rows = await query.execute({ companyIds: idList(companyIds), capabilityId });
  return new Map(rows.map((r) => [holderKey(r.companyId, r.capabilityId), r.centihours]));
}

const holderBookings = statementCache<{ companyId: number; capabilityId: number; week: string; centihours: number }[]>();

/**
 * For each company, capability (only `capabilityId`'s when given) and week in [fromWeek, toWeek]:
 * the centihours booked on the engineers who hold the capability, whatever the work (an
 * engineer's hours are theirs once, for every capability they hold). Keys: holderKey|week.
 * Prepared like weeklyCapacityOfHolders.
 */
export async function bookedOnHoldersByWeek(db: Executor, companyIds: number[], capabilityId: number | null, fromWeek: string, toWeek: string): Promise<Map<string, number>> {
  if (companyIds.length === 0) return new Map();
  const query = holderBookings(db, capabilityId === null ? "all" : "one", () =>
    db
      .select({ companyId: engineers.companyId, capabilityId: engineerSkills.capabilityId, week: bookings.week, centihours: sql<number>`sum(${bookings.centihours})`.mapWith(Number) })
      .from(bookings)
      .innerJoin(engineers, eq(engineers.id, bookings.engineerId))
      .innerJoin(engineerSkills, eq(engineerSkills.engineerId, engineers.id))
      .where(
        and(
          inIdList(engineers.companyId, "companyIds"),
          gte(bookings.week, param(bookings.week, "fromWeek")),
          lte(bookings.week, param(bookings.week, "toWeek")),
          capabilityId === null ? undefined : eq(engineerSkills.capabilityId, param(engineerSkills.capabilityId, "capabilityId")),
        ),
      )
      .groupBy(engineers.companyId, engineerSkills.capabilityId, bookings.week),
  );
  const rows = await query.execute({ companyIds: idList(companyIds), capabilityId, fromWeek, toWeek });
  return new Map(rows.map((r) => [`${holderKey(r.companyId, r.capabilityId)}|${r.week}`, r.centihours]));
}

/** An engineer's skill in a capability their company actively offers (the park-wide sums' join). */
const holdsOffered = and(eq(capabilityOffers.companyId, engineers.companyId), eq(capabilityOffers.capabilityId, engineerSkills.capabilityId), eq(capabilityOffers.active, true));

/**
 * Per capability actively offered in the park: the weekly capacity of the active engineers who
 * hold it at the companies offering it, in centihours (one aggregate, summed in the database:
 * a national park's 10,000 contractors give 12 rows, not one per company).
 */
export async function weeklyCapacityOfParkHolders(db: Executor, parkId: number): Promise<Map<number, number>> {
  const rows = await db
    .select({ capabilityId: engineerSkills.capabilityId, centihours: sql<number>`sum(${engineers.weeklyHours}) * 100`.mapWith(Number) })
    .from(engineers)
    .innerJoin(engineerSkills, eq(engineerSkills.engineerId, engineers.id))
    .innerJoin(capabilityOffers, holdsOffered)
    .innerJoin(companies, eq(companies.id, engineers.companyId))
    .where(and(eq(companies.parkId, parkId), eq(engineers.active, true)))
    .groupBy(engineerSkills.capabilityId);
  return new Map(rows.map((r) => [r.capabilityId, r.centihours]));
}

/**
 * Per capability actively offered in the park and week in [fromWeek, toWeek]: the centihours
 * booked on the engineers who hold it at the companies offering it, whatever the work (as
 * bookedOnHoldersByWeek, summed over the park in the database). Keys: capability|week.
 */
export async function bookedOnParkHoldersByWeek(db: Executor, parkId: number, fromWeek: string, toWeek: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ capabilityId: engineerSkills.capabilityId, week: bookings.week, centihours: sql<number>`sum(${bookings.centihours})`.mapWith(Number) })
    .from(bookings)
    .innerJoin(engineers, eq(engineers.id, bookings.engineerId))
    .innerJoin(engineerSkills, eq(engineerSkills.engineerId, engineers.id))
    .innerJoin(capabilityOffers, holdsOffered)
    .innerJoin(companies, eq(companies.id, engineers.companyId))
    .where(and(eq(companies.parkId, parkId), gte(bookings.week, fromWeek), lte(bookings.week, toWeek)))
    .groupBy(engineerSkills.capabilityId, bookings.week);
  return new Map(rows.map((r) => [`${r.capabilityId}|${r.week}`, r.centihours]));
}

/** Centihours booked on each engineer of a company in each week of [fromWeek, toWeek], in one aggregate. */
export async function bookedHoursOfCompany(db: Executor, companyId: number, fromWeek: string, toWeek: string): Promise<BookedHours> {
  return bookedPerEngineerWeek(db, eq(engineers.companyId, companyId), fromWeek, toWeek);
}

/**
 * Adds booked centihours to a contract's bookings (merging into an existing engineer-week
 * row of the same contract).
 */
export async function addBookings(db: Executor, contractId: number, lines: readonly BookingLine[]): Promise<void> {
  for (const line of lines) {
    await db
      .insert(bookings)
      .values({ contractId, engineerId: line.engineerId, week: line.week, centihours: line.centihours })
      .onConflictDoUpdate({
        target: [bookings.contractId, bookings.engineerId, bookings.week],
        set: { centihours: sql`${bookings.centihours} + excluded.centihours` },
      });
  }
}

/** Centihours booked on an engineer from `fromWeek` on, per capability of the work (its order's), for the capabilities given. */
export async function bookedOnEngineerByCapability(db: Executor, engineerId: number, capabilityIds: number[], fromWeek: string): Promise<Map<number, number>> {
  if (capabilityIds.length === 0) return new Map();
  const rows = await db
    .select({ capabilityId: orders.capabilityId, centihours: sql<number>`sum(${bookings.centihours})`.mapWith(Number) })
    .from(bookings)
    .innerJoin(contracts, eq(contracts.id, bookings.contractId))
    .innerJoin(orders, eq(orders.id, contracts.orderId))
    .where(and(eq(bookings.engineerId, engineerId), gte(bookings.week, fromWeek), inArray(orders.capabilityId, capabilityIds)))
    .groupBy(orders.capabilityId);
  return new Map(rows.map((r) => [r.capabilityId, r.centihours]));
}

/** Takes a contract's bookings off its engineers from `fromWeek` on; returns the centihours released. */
export async function releaseBookingsFrom(db: Executor, contractId: number, fromWeek: string): Promise<number> {
  const released = await db.delete(bookings).where(and(eq(bookings.contractId, contractId), gte(bookings.week, fromWeek))).returning({ centihours: bookings.centihours });
  return released.reduce((sum, row) => sum + row.centihours, 0);
}

export async function deleteBookingsOfContract(db: Executor, contractId: number): Promise<number> {
  return (await db.delete(bookings).where(eq(bookings.contractId, contractId)).returning({ id: bookings.id })).length;
}

/** An engineer's bookings from a week on, latest-promised contracts first within a week. */
export async function bookingsOfEngineerFrom(db: Executor, engineerId: number, fromWeek: string): Promise<(BookingRow & { promisedDate: string })[]> {
  return db
    .select({
      id: bookings.id,
      contractId: bookings.contractId,
      engineerId: bookings.engineerId,
      week: bookings.week,
      centihours: bookings.centihours,
      promisedDate: contracts.promisedDate,
    })
    .from(bookings)
    .innerJoin(contracts, eq(contracts.id, bookings.contractId))
    .where(and(eq(bookings.engineerId, engineerId), gte(bookings.week, fromWeek)))
    .orderBy(asc(bookings.week), desc(contracts.promisedDate), desc(bookings.contractId));
}

/** Reduces a booking row by `centihours`, deleting it when nothing is left. */
export async function reduceBooking(db: Executor, booking: Pick<BookingRow, "id" | "centihours">, centihours: number): Promise<void> {
  if (centihours >= booking.centihours) await db.delete(bookings).where(eq(bookings.id, booking.id));
  else await db.update(bookings).set({ centihours: booking.centihours - centihours }).where(eq(bookings.id, booking.id));
}

export async function findBooking(db: Executor, contractId: number, engineerId: number, week: string): Promise<BookingRow | undefined> {
  return first(db
    .select()
    .from(bookings)
    .where(and(eq(bookings.contractId, contractId), eq(bookings.engineerId, engineerId), eq(bookings.week, week))));
}

/** Total centihours booked on one engineer in one week (all contracts). */
export async function bookedOnEngineer(db: Executor, engineerId: number, week: string): Promise<number> {
  const row = await first(db
    .select({ total: sql<number>`coalesce(sum(${bookings.centihours}), 0)`.mapWith(Number) })
    .from(bookings)
    .where(and(eq(bookings.engineerId, engineerId), eq(bookings.week, week))));
  return row?.total ?? 0;
}

/** For each company: the weekly capacity of its active engineers, in centihours (one aggregate). */
export async function weeklyCapacityOfCompanies(db: Executor, companyIds: number[]): Promise<Map<number, number>> {
  if (companyIds.length === 0) return new Map();
  const rows = await db
    .select({ companyId: engineers.companyId, centihours: sql<number>`sum(${engineers.weeklyHours}) * 100`.mapWith(Number) })
    .from(engineers)
    .where(and(inIds(engineers.companyId, companyIds), eq(engineers.active, true)))
    .groupBy(engineers.companyId);
  return new Map(rows.map((r) => [r.companyId, r.centihours]));
}

/** For each company and week in [fromWeek, toWeek]: centihours booked (one aggregate). */
export async function bookedByCompanyWeek(db: Executor, companyIds: number[], fromWeek: string, toWeek: string): Promise<Map<string, number>> {
  if (companyIds.length === 0) return new Map();
  const rows = await db
    .select({ companyId: engineers.companyId, week: bookings.week, centihours: sql<number>`sum(${bookings.centihours})`.mapWith(Number) })
    .from(bookings)
    .innerJoin(engineers, eq(engineers.id, bookings.engineerId))
    .where(and(inIds(engineers.companyId, companyIds), gte(bookings.week, fromWeek), lte(bookings.week, toWeek)))
    .groupBy(engineers.companyId, bookings.week);
  return new Map(rows.map((r) => [`${r.companyId}|${r.week}`, r.centihours]));
}

/** Per engineer and week: centihours booked, for a set of engineers (one aggregate). */
export async function bookedByEngineerWeek(db: Executor, engineerIds: number[], fromWeek: string, toWeek: string): Promise<BookedHours> {
  return engineerIds.length === 0 ? new Map() : bookedPerEngineerWeek(db, inArray(engineers.id, engineerIds), fromWeek, toWeek);
}

async function bookedPerEngineerWeek(db: Executor, engineersWhere: SQL, fromWeek: string, toWeek: string): Promise<BookedHours> {
  const rows = await db
    .select({ engineerId: bookings.engineerId, week: bookings.week, centihours: sql<number>`sum(${bookings.centihours})`.mapWith(Number) })
    .from(bookings)
    .innerJoin(engineers, eq(engineers.id, bookings.engineerId))
    .where(and(engineersWhere, gte(bookings.week, fromWeek), lte(bookings.week, toWeek)))
    .groupBy(bookings.engineerId, bookings.week);
  return new Map(rows.map((r) => [bookedKey(r.engineerId, r.week), r.centihours]));
}

/** The contract companies of a park with an active offer, by capability. */
export async function offeringCompaniesOfPark(db: Executor, parkId: number): Promise<{ capabilityId: number; companyId: number; centihoursPerUnit: number }[]> {
  return db
    .select({ capabilityId: capabilityOffers.capabilityId, companyId: capabilityOffers.companyId, centihoursPerUnit: capabilityOffers.centihoursPerUnit })
    .from(capabilityOffers)
    .innerJoin(companies, eq(companies.id, capabilityOffers.companyId))
    .where(and(eq(companies.parkId, parkId), eq(capabilityOffers.active, true)));
}

/** A page of bookings for each contract, in one statement. */
export const bookingsPerContract = pagesPerParent(bookings, bookings.contractId);

/** Total centihours booked per contract (one aggregate). */
export async function bookedPerContract(db: Executor, contractIds: number[]): Promise<Map<number, number>> {
  const rows = await db
    .select({ contractId: bookings.contractId, centihours: sql<number>`sum(${bookings.centihours})`.mapWith(Number) })
    .from(bookings)
    .where(inArray(bookings.contractId, contractIds))
    .groupBy(bookings.contractId);
  return new Map(rows.map((r) => [r.contractId, r.centihours]));
}

/** The contracts whose bookings an engineer's lost capacity displaced, with their order's capability (read here: capacity sits below the contracts module). */
export async function findContractsForRebooking(db: Executor, ids: number[]): Promise<(ContractRow & { capabilityId: number })[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ contract: contracts, capabilityId: orders.capabilityId }).from(contracts).innerJoin(orders, eq(orders.id, contracts.orderId)).where(inArray(contracts.id, ids));
  return rows.map((r) => ({ ...r.contract, capabilityId: r.capabilityId }));
}

import { bookedOnParkHoldersByWeek, offeringCompaniesOfPark, weeklyCapacityOfParkHolders } from "../capacity/capacity.repository";
import type { Executor } from "../db/executor";
import { groupBy } from "../shared/group-by";

/** A capability offered in a park: its contractors, the hours of their engineers who hold it, and what is booked on those engineers week by week. */
export interface CapabilityCapacity {
  capabilityId: number;
  contractorCount: number;
  /** The mean engineer-hours per unit of the park's active offers of it, in centihours: what an ordered unit counts. */
  meanCentihoursPerUnit: number;
  /** Weekly centihours of the holders. */
  available: number;
  /** Centihours booked on the holders, one entry per week asked for. */
  bookedByWeek: number[];
}

/**
 * Per capability offered in the park, its holders' weekly capacity and bookings over `weeks`
 * (ascending Mondays), for the heat-map and the demand forecast: the offers, and two aggregates
 * summed per capability in the database.
 */
export async function capacityByCapability(db: Executor, parkId: number, weeks: readonly string[]): Promise<CapabilityCapacity[]> {
  const offering = await offeringCompaniesOfPark(db, parkId);
  // Each capability's own engineers: those of the offering companies who hold it.
  const capacity = await weeklyCapacityOfParkHolders(db, parkId);
  const booked = await bookedOnParkHoldersByWeek(db, parkId, weeks[0], weeks[weeks.length - 1]);
  return [...groupBy(offering, (offer) => offer.capabilityId)].map(([capabilityId, offers]) => ({
    capabilityId,
    contractorCount: offers.length,
    meanCentihoursPerUnit: Math.round(offers.reduce((sum, o) => sum + o.centihoursPerUnit, 0) / offers.length),
    available: capacity.get(capabilityId) ?? 0,
    bookedByWeek: weeks.map((week) => booked.get(`${capabilityId}|${week}`) ?? 0),
  }));
}

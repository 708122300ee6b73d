import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../src/db/client";
import { query } from "./sql";

/**
 * The domain invariants, read straight from the tables. Each query returns the rows that break
 * one; all must be empty.
 */
export async function invariantViolations(database: DatabaseHandle): Promise<Record<string, unknown[]>> {
  const all = (statement: string) => query(database, sql.raw(statement));
  return {
    engineerWeekOverHours: await all(`select b.engineer_id, b.week, sum(b.centihours) as booked, e.weekly_hours * 100 as capacity
      from bookings b join engineers e on e.id = b.engineer_id group by b.engineer_id, b.week, e.weekly_hours having sum(b.centihours) > e.weekly_hours * 100`),
    // Work is booked on engineers who hold its capability (skills with work booked cannot be taken away).
    bookedOffSkill: await all(`select b.id from bookings b join contracts c on c.id = b.contract_id join orders o on o.id = c.order_id
      left join engineer_skills s on s.engineer_id = b.engineer_id and s.capability_id = o.capability_id where s.engineer_id is null`),
    contractBookingsWrong: await all(`select c.id from contracts c left join bookings b on b.contract_id = c.id group by c.id
      having (c.status = 'CANCELLED' and coalesce(sum(b.centihours), 0) <> 0)
          or (c.status not in ('CANCELLED', 'ACCEPTED') and coalesce(sum(b.centihours), 0) <> c.quantity * c.centihours_per_unit)
          or (c.status = 'ACCEPTED' and coalesce(sum(b.centihours), 0) > c.quantity * c.centihours_per_unit)`),
    contractUnitsWrong: await all(`select c.id from contracts c left join deliveries d on d.contract_id = c.id group by c.id
      having c.pending_quantity <> coalesce(sum(case when d.status = 'PENDING' then d.quantity end), 0)
          or c.accepted_quantity <> coalesce(sum(case when d.status = 'ACCEPTED' then d.quantity end), 0)
          or (c.status = 'ACCEPTED') <> (c.accepted_quantity = c.quantity)
          or (c.status = 'DELIVERED') <> (c.pending_quantity > 0 and c.pending_quantity + c.accepted_quantity = c.quantity)`),
    awardNotAddingUp: await all(`select o.id from orders o join contracts c on c.order_id = o.id
      where o.status in ('AWARDED', 'IN_PRODUCTION', 'COMPLETED') group by o.id having sum(c.quantity) <> o.quantity`),
    contractsOnUnawardedOrders: await all(`select c.id from contracts c join orders o on o.id = c.order_id where o.status in ('OPEN', 'EXPIRED')`),
    moreThanOneAward: await all(`select order_id from events where type = 'ORDER_AWARDED' group by order_id having count(*) > 1`),
    moreThanOneLiveBid: await all(`select order_id, company_id from bids where status = 'LIVE' group by order_id, company_id having count(*) > 1`),
  };
}

export const NO_VIOLATIONS = {
  engineerWeekOverHours: [],
  bookedOffSkill: [],
  contractBookingsWrong: [],
  contractUnitsWrong: [],
  awardNotAddingUp: [],
  contractsOnUnawardedOrders: [],
  moreThanOneAward: [],
  moreThanOneLiveBid: [],
};

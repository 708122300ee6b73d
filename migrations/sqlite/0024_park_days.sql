CREATE TABLE `park_days` (
	`park_id` integer NOT NULL,
	`day` text NOT NULL,
	`contracts` integer DEFAULT 0 NOT NULL,
	`contract_value_minor` integer DEFAULT 0 NOT NULL,
	`in_park_value_minor` integer DEFAULT 0 NOT NULL,
	`members_value_minor` integer DEFAULT 0 NOT NULL,
	`members_in_park_value_minor` integer DEFAULT 0 NOT NULL,
	`revenue_minor` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`park_id`, `day`),
	FOREIGN KEY (`park_id`) REFERENCES `parks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Every park's days so far, from the contracts and deliveries (src/contracts/park-days.repository.ts rebuildParkDays runs the same).
INSERT INTO park_days (park_id, day, contracts, contract_value_minor, in_park_value_minor, members_value_minor, members_in_park_value_minor, revenue_minor)
SELECT park_id, day, sum(contracts), sum(value), sum(in_park), sum(members), sum(members_in_park), sum(revenue) FROM (
  SELECT cu.park_id AS park_id, date(ct.created_at / 1000, 'unixepoch', '+3 hours') AS day, count(*) AS contracts, sum(ct.value_minor) AS value,
    sum(CASE WHEN k.park_id = cu.park_id THEN ct.value_minor ELSE 0 END) AS in_park,
    sum(CASE WHEN cu.kind <> 'OUTSIDE_CUSTOMER' THEN ct.value_minor ELSE 0 END) AS members,
    sum(CASE WHEN cu.kind <> 'OUTSIDE_CUSTOMER' AND k.park_id = cu.park_id THEN ct.value_minor ELSE 0 END) AS members_in_park, 0 AS revenue
  FROM contracts ct JOIN companies cu ON cu.id = ct.customer_company_id JOIN companies k ON k.id = ct.company_id
  WHERE ct.status <> 'CANCELLED' GROUP BY cu.park_id, date(ct.created_at / 1000, 'unixepoch', '+3 hours')
  UNION ALL
  SELECT c.park_id, d.decided_on, 0, 0, 0, 0, 0, sum(d.value_minor) FROM deliveries d JOIN companies c ON c.id = d.company_id
  WHERE d.status = 'ACCEPTED' GROUP BY c.park_id, d.decided_on
) AS figures GROUP BY park_id, day;

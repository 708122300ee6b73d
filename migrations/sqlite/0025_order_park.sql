CREATE INDEX `orders_company_created_idx` ON `orders` (`company_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `bids_company_created_idx` ON `bids` (`company_id`,`created_at`);--> statement-breakpoint
DROP INDEX `orders_created_figures_idx`;--> statement-breakpoint
ALTER TABLE `orders` ADD `park_id` integer REFERENCES parks(id);--> statement-breakpoint
CREATE INDEX `orders_park_created_figures_idx` ON `orders` (`park_id`,`created_at`,`first_contract_at`,`bid_count`,`quoted_bid_count`);--> statement-breakpoint
-- Every order's park: its company's.
UPDATE orders SET park_id = (SELECT companies.park_id FROM companies WHERE companies.id = orders.company_id);

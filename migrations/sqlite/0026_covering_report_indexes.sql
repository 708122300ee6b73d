DROP INDEX `orders_status_closes_idx`;--> statement-breakpoint
DROP INDEX `orders_park_created_figures_idx`;--> statement-breakpoint
CREATE INDEX `orders_status_closes_idx` ON `orders` (`status`,`bidding_closes_at`,`id`,`capability_id`,`needed_by`,`quantity`,`park_id`);--> statement-breakpoint
CREATE INDEX `orders_park_created_figures_idx` ON `orders` (`park_id`,`created_at`,`capability_id`,`quantity`,`status`,`first_contract_at`,`bid_count`,`quoted_bid_count`);
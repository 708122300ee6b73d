CREATE INDEX `orders_status_needed_by_idx` ON `orders` (`status`,`needed_by`,`id`);--> statement-breakpoint
CREATE INDEX `orders_status_closes_idx` ON `orders` (`status`,`bidding_closes_at`,`id`);
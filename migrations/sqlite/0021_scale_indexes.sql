CREATE INDEX `orders_status_quantity_idx` ON `orders` (`status`,`quantity`,`id`);--> statement-breakpoint
CREATE INDEX `orders_status_id_idx` ON `orders` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `bids_company_status_idx` ON `bids` (`company_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `deliveries_customer_decided_idx` ON `deliveries` (`customer_company_id`,`decided_on`);
CREATE INDEX `orders_company_status_idx` ON `orders` (`company_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `orders_status_capability_needed_idx` ON `orders` (`status`,`capability_id`,`needed_by`,`id`);--> statement-breakpoint
CREATE INDEX `contracts_company_status_idx` ON `contracts` (`company_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `contracts_customer_status_idx` ON `contracts` (`customer_company_id`,`status`,`id`);
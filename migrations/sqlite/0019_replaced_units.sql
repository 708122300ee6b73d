ALTER TABLE `orders` ADD `replaces_order_id` integer REFERENCES orders(id);--> statement-breakpoint
CREATE INDEX `orders_replaces_idx` ON `orders` (`replaces_order_id`);
CREATE TABLE `chain_outside_stages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chain_id` integer NOT NULL,
	`feeds_order_id` integer NOT NULL,
	`title` text NOT NULL,
	`value_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`lead_days` integer NOT NULL,
	`move_days` integer DEFAULT 0 NOT NULL,
	`awarded_on` text,
	FOREIGN KEY (`chain_id`) REFERENCES `chains`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`feeds_order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "chain_outside_stages_value_check" CHECK("chain_outside_stages"."value_minor" >= 0),
	CONSTRAINT "chain_outside_stages_days_check" CHECK("chain_outside_stages"."lead_days" >= 1 and "chain_outside_stages"."move_days" >= 0)
);
--> statement-breakpoint
CREATE INDEX `chain_outside_stages_chain_idx` ON `chain_outside_stages` (`chain_id`,`id`);
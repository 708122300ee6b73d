CREATE TABLE `chains` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`quantity` integer NOT NULL,
	`needed_by` text NOT NULL,
	`value_per_day_minor` integer DEFAULT 0 NOT NULL,
	`currency` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "chains_quantity_check" CHECK("chains"."quantity" >= 1),
	CONSTRAINT "chains_value_per_day_check" CHECK("chains"."value_per_day_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX `chains_company_idx` ON `chains` (`company_id`,`id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`capability_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`quantity` integer NOT NULL,
	`needed_by` text NOT NULL,
	`max_unit_price_minor` integer,
	`currency` text NOT NULL,
	`bidding_closes_at` integer NOT NULL,
	`max_share_percent` integer NOT NULL,
	`min_contractors` integer NOT NULL,
	`value_per_day_minor` integer DEFAULT 0 NOT NULL,
	`min_score` integer,
	`chain_id` integer,
	`feeds_order_id` integer,
	`parts_per_unit` integer DEFAULT 1 NOT NULL,
	`yield_percent` integer DEFAULT 100 NOT NULL,
	`move_days` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`capability_id`) REFERENCES `capabilities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chain_id`) REFERENCES `chains`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`feeds_order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "orders_quantity_check" CHECK("__new_orders"."quantity" >= 1),
	CONSTRAINT "orders_share_check" CHECK("__new_orders"."max_share_percent" between 1 and 100),
	CONSTRAINT "orders_min_contractors_check" CHECK("__new_orders"."min_contractors" >= 1),
	CONSTRAINT "orders_value_per_day_check" CHECK("__new_orders"."value_per_day_minor" >= 0),
	CONSTRAINT "orders_min_score_check" CHECK("__new_orders"."min_score" is null or "__new_orders"."min_score" between 0 and 100),
	CONSTRAINT "orders_max_price_check" CHECK("__new_orders"."max_unit_price_minor" is null or "__new_orders"."max_unit_price_minor" > 0),
	CONSTRAINT "orders_stage_check" CHECK("__new_orders"."parts_per_unit" >= 1 and "__new_orders"."yield_percent" between 1 and 100 and "__new_orders"."move_days" >= 0),
	CONSTRAINT "orders_status_check" CHECK("__new_orders"."status" in ('OPEN', 'AWARDED', 'IN_PRODUCTION', 'COMPLETED', 'CANCELLED', 'EXPIRED'))
);
--> statement-breakpoint
INSERT INTO `__new_orders`("id", "company_id", "capability_id", "title", "description", "quantity", "needed_by", "max_unit_price_minor", "currency", "bidding_closes_at", "max_share_percent", "min_contractors", "value_per_day_minor", "min_score", "status", "created_at", "updated_at") SELECT "id", "company_id", "capability_id", "title", "description", "quantity", "needed_by", "max_unit_price_minor", "currency", "bidding_closes_at", "max_share_percent", "min_contractors", "value_per_day_minor", "min_score", "status", "created_at", "updated_at" FROM `orders`;--> statement-breakpoint
DROP TABLE `orders`;--> statement-breakpoint
ALTER TABLE `__new_orders` RENAME TO `orders`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `orders_status_capability_idx` ON `orders` (`status`,`capability_id`,`bidding_closes_at`);--> statement-breakpoint
CREATE INDEX `orders_status_needed_by_idx` ON `orders` (`status`,`needed_by`,`id`);--> statement-breakpoint
CREATE INDEX `orders_status_closes_idx` ON `orders` (`status`,`bidding_closes_at`,`id`);--> statement-breakpoint
CREATE INDEX `orders_company_idx` ON `orders` (`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `orders_chain_idx` ON `orders` (`chain_id`,`id`);
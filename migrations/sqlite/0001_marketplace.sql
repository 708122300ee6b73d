CREATE TABLE `order_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`actor_token_id` integer,
	`actor_name` text NOT NULL,
	`actor_company_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_events_order_idx` ON `order_events` (`order_id`,`id`);--> statement-breakpoint
CREATE TABLE `orders` (
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
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`capability_id`) REFERENCES `capabilities`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "orders_quantity_check" CHECK("orders"."quantity" >= 1),
	CONSTRAINT "orders_share_check" CHECK("orders"."max_share_percent" between 1 and 100),
	CONSTRAINT "orders_min_contractors_check" CHECK("orders"."min_contractors" >= 1),
	CONSTRAINT "orders_max_price_check" CHECK("orders"."max_unit_price_minor" is null or "orders"."max_unit_price_minor" > 0),
	CONSTRAINT "orders_status_check" CHECK("orders"."status" in ('OPEN', 'AWARDED', 'IN_PRODUCTION', 'COMPLETED', 'CANCELLED', 'EXPIRED'))
);
--> statement-breakpoint
CREATE INDEX `orders_status_capability_idx` ON `orders` (`status`,`capability_id`,`bidding_closes_at`);--> statement-breakpoint
CREATE INDEX `orders_company_idx` ON `orders` (`company_id`,`id`);--> statement-breakpoint
CREATE TABLE `bid_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bid_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`min_lot` integer NOT NULL,
	`max_quantity` integer NOT NULL,
	`centihours_per_unit` integer NOT NULL,
	`lead_time_days` integer NOT NULL,
	`valid_until` integer NOT NULL,
	`actor_name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bid_revisions_bid_revision_unique` ON `bid_revisions` (`bid_id`,`revision`);--> statement-breakpoint
CREATE TABLE `bids` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`company_id` integer NOT NULL,
	`status` text NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`min_lot` integer NOT NULL,
	`max_quantity` integer NOT NULL,
	`centihours_per_unit` integer NOT NULL,
	`lead_time_days` integer NOT NULL,
	`valid_until` integer NOT NULL,
	`revision` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bids_status_check" CHECK("bids"."status" in ('LIVE', 'WITHDRAWN', 'AWARDED', 'NOT_AWARDED')),
	CONSTRAINT "bids_price_check" CHECK("bids"."unit_price_minor" > 0),
	CONSTRAINT "bids_quantity_check" CHECK("bids"."min_lot" >= 1 and "bids"."max_quantity" >= "bids"."min_lot"),
	CONSTRAINT "bids_hours_check" CHECK("bids"."centihours_per_unit" > 0),
	CONSTRAINT "bids_lead_check" CHECK("bids"."lead_time_days" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bids_one_live_per_company` ON `bids` (`order_id`,`company_id`) WHERE "bids"."status" = 'LIVE';--> statement-breakpoint
CREATE INDEX `bids_order_idx` ON `bids` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `bids_company_idx` ON `bids` (`company_id`,`id`);--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`bid_id` integer NOT NULL,
	`company_id` integer NOT NULL,
	`customer_company_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`value_minor` integer NOT NULL,
	`centihours_per_unit` integer NOT NULL,
	`promised_date` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contracts_quantity_check" CHECK("contracts"."quantity" >= 1),
	CONSTRAINT "contracts_value_check" CHECK("contracts"."value_minor" = "contracts"."quantity" * "contracts"."unit_price_minor"),
	CONSTRAINT "contracts_status_check" CHECK("contracts"."status" in ('AWARDED', 'IN_PRODUCTION', 'COMPLETED'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contracts_bid_unique` ON `contracts` (`bid_id`);--> statement-breakpoint
CREATE INDEX `contracts_order_idx` ON `contracts` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `contracts_company_idx` ON `contracts` (`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `contracts_customer_idx` ON `contracts` (`customer_company_id`,`id`);
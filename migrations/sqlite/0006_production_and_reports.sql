-- Edited by hand from drizzle-kit's output (see README, "Migrations"):
-- * drizzle-kit's table rebuild copies new columns from the old table (which lacks them): the
--   contracts copy below maps instead COMPLETED (the old completeOrder) to ACCEPTED, with every
--   unit accepted, and records one accepted delivery per such contract so its revenue counts.
-- * orders only gains a nullable column: added in place instead of rebuilt.
-- * the default scorecard weights are inserted.
-- The rebuild relies on openDatabase turning foreign keys off around the migrator's transaction.
CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`company_id` integer NOT NULL,
	`customer_company_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`value_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`delivered_on` text NOT NULL,
	`late` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`decided_on` text,
	`reject_reason` text,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "deliveries_quantity_check" CHECK("deliveries"."quantity" >= 1),
	CONSTRAINT "deliveries_status_check" CHECK("deliveries"."status" in ('PENDING', 'ACCEPTED', 'REJECTED')),
	CONSTRAINT "deliveries_decided_check" CHECK(("deliveries"."status" = 'PENDING') = ("deliveries"."decided_on" is null)),
	CONSTRAINT "deliveries_reason_check" CHECK(("deliveries"."status" = 'REJECTED') = ("deliveries"."reject_reason" is not null))
);
--> statement-breakpoint
CREATE INDEX `deliveries_contract_idx` ON `deliveries` (`contract_id`,`id`);--> statement-breakpoint
CREATE INDEX `deliveries_company_status_decided_idx` ON `deliveries` (`company_id`,`status`,`decided_on`);--> statement-breakpoint
CREATE INDEX `deliveries_status_decided_idx` ON `deliveries` (`status`,`decided_on`);--> statement-breakpoint
CREATE INDEX `deliveries_company_delivered_idx` ON `deliveries` (`company_id`,`delivered_on`);--> statement-breakpoint
CREATE TABLE `investments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`investor_name` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`invested_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by_token_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "investments_amount_check" CHECK("investments"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE INDEX `investments_company_idx` ON `investments` (`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `investments_invested_on_idx` ON `investments` (`invested_on`);--> statement-breakpoint
CREATE TABLE `score_weights` (
	`factor` text PRIMARY KEY NOT NULL,
	`weight` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "score_weights_weight_check" CHECK("score_weights"."weight" between 0 and 100)
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_contracts` (
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
	`pending_quantity` integer DEFAULT 0 NOT NULL,
	`accepted_quantity` integer DEFAULT 0 NOT NULL,
	`cancel_reason` text,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contracts_quantity_check" CHECK("__new_contracts"."quantity" >= 1),
	CONSTRAINT "contracts_value_check" CHECK("__new_contracts"."value_minor" = "__new_contracts"."quantity" * "__new_contracts"."unit_price_minor"),
	CONSTRAINT "contracts_status_check" CHECK("__new_contracts"."status" in ('AWARDED', 'IN_PRODUCTION', 'DELIVERED', 'ACCEPTED', 'CANCELLED')),
	CONSTRAINT "contracts_delivered_check" CHECK("__new_contracts"."pending_quantity" >= 0 and "__new_contracts"."accepted_quantity" >= 0 and "__new_contracts"."pending_quantity" + "__new_contracts"."accepted_quantity" <= "__new_contracts"."quantity")
);
--> statement-breakpoint
INSERT INTO `__new_contracts`("id", "order_id", "bid_id", "company_id", "customer_company_id", "quantity", "unit_price_minor", "currency", "value_minor", "centihours_per_unit", "promised_date", "pending_quantity", "accepted_quantity", "cancel_reason", "status", "created_at", "updated_at") SELECT "id", "order_id", "bid_id", "company_id", "customer_company_id", "quantity", "unit_price_minor", "currency", "value_minor", "centihours_per_unit", "promised_date", 0, CASE "status" WHEN 'COMPLETED' THEN "quantity" ELSE 0 END, "cancel_reason", CASE "status" WHEN 'COMPLETED' THEN 'ACCEPTED' ELSE "status" END, "created_at", "updated_at" FROM `contracts`;--> statement-breakpoint
DROP TABLE `contracts`;--> statement-breakpoint
ALTER TABLE `__new_contracts` RENAME TO `contracts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `contracts_bid_unique` ON `contracts` (`bid_id`);--> statement-breakpoint
CREATE INDEX `contracts_order_idx` ON `contracts` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `contracts_company_idx` ON `contracts` (`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `contracts_customer_idx` ON `contracts` (`customer_company_id`,`id`);--> statement-breakpoint
CREATE INDEX `contracts_company_created_idx` ON `contracts` (`company_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `contracts_created_idx` ON `contracts` (`created_at`);--> statement-breakpoint
ALTER TABLE `orders` ADD `min_score` integer CHECK (`min_score` is null or `min_score` between 0 and 100);--> statement-breakpoint
INSERT INTO `deliveries`("contract_id", "company_id", "customer_company_id", "quantity", "value_minor", "currency", "status", "delivered_on", "late", "note", "decided_on", "reject_reason", "created_at", "decided_at") SELECT "id", "company_id", "customer_company_id", "quantity", "value_minor", "currency", 'ACCEPTED', date("updated_at" / 1000, 'unixepoch', '+3 hours'), date("updated_at" / 1000, 'unixepoch', '+3 hours') > "promised_date", 'Recorded when the order was completed, before deliveries were tracked.', date("updated_at" / 1000, 'unixepoch', '+3 hours'), NULL, "updated_at", "updated_at" FROM `contracts` WHERE "status" = 'ACCEPTED';--> statement-breakpoint
INSERT INTO `score_weights`("factor", "weight", "updated_at") VALUES ('ON_TIME_DELIVERY', 20, 0), ('ACCEPTED_QUALITY', 20, 0), ('LOAD', 10, 0), ('REVENUE_PER_ENGINEER', 15, 0), ('GROWTH', 10, 0), ('WIN_RATE', 10, 0), ('PRICE_LEVEL', 15, 0);

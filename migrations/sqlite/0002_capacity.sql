CREATE TABLE `bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`engineer_id` integer NOT NULL,
	`week` text NOT NULL,
	`centihours` integer NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`engineer_id`) REFERENCES `engineers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bookings_hours_check" CHECK("bookings"."centihours" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_contract_engineer_week_unique` ON `bookings` (`contract_id`,`engineer_id`,`week`);--> statement-breakpoint
CREATE INDEX `bookings_engineer_week_idx` ON `bookings` (`engineer_id`,`week`);--> statement-breakpoint
CREATE INDEX `bookings_week_idx` ON `bookings` (`week`);--> statement-breakpoint
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
	CONSTRAINT "contracts_status_check" CHECK("__new_contracts"."status" in ('AWARDED', 'IN_PRODUCTION', 'COMPLETED', 'CANCELLED'))
);
--> statement-breakpoint
-- Edited by hand: drizzle-kit 0.31 also copied the new column cancel_reason, which the old table lacks.
INSERT INTO `__new_contracts`("id", "order_id", "bid_id", "company_id", "customer_company_id", "quantity", "unit_price_minor", "currency", "value_minor", "centihours_per_unit", "promised_date", "status", "created_at", "updated_at") SELECT "id", "order_id", "bid_id", "company_id", "customer_company_id", "quantity", "unit_price_minor", "currency", "value_minor", "centihours_per_unit", "promised_date", "status", "created_at", "updated_at" FROM `contracts`;--> statement-breakpoint
DROP TABLE `contracts`;--> statement-breakpoint
ALTER TABLE `__new_contracts` RENAME TO `contracts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `contracts_bid_unique` ON `contracts` (`bid_id`);--> statement-breakpoint
CREATE INDEX `contracts_order_idx` ON `contracts` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `contracts_company_idx` ON `contracts` (`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `contracts_customer_idx` ON `contracts` (`customer_company_id`,`id`);
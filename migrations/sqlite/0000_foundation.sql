CREATE TABLE `parks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`kind` text NOT NULL,
	`region` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "parks_kind_check" CHECK("parks"."kind" in ('TECHNOPARK', 'CLUSTER'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parks_name_key_unique` ON `parks` (`name_key`);--> statement-breakpoint
CREATE TABLE `companies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`park_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`kind` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`employee_count` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`park_id`) REFERENCES `parks`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "companies_kind_check" CHECK("companies"."kind" in ('PRODUCT', 'CONTRACT')),
	CONSTRAINT "companies_employee_count_check" CHECK("companies"."employee_count" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `companies_park_name_key_unique` ON `companies` (`park_id`,`name_key`);--> statement-breakpoint
CREATE INDEX `companies_kind_idx` ON `companies` (`kind`);--> statement-breakpoint
CREATE TABLE `engineers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`weekly_hours` integer DEFAULT 40 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "engineers_role_check" CHECK("engineers"."role" in ('SYSTEM_ENGINEER', 'ENGINEER')),
	CONSTRAINT "engineers_weekly_hours_check" CHECK("engineers"."weekly_hours" between 1 and 168)
);
--> statement-breakpoint
CREATE INDEX `engineers_company_idx` ON `engineers` (`company_id`,`id`);--> statement-breakpoint
CREATE TABLE `capabilities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `capabilities_code_unique` ON `capabilities` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `capabilities_name_key_unique` ON `capabilities` (`name_key`);--> statement-breakpoint
CREATE TABLE `capability_offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`capability_id` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`centihours_per_unit` integer NOT NULL,
	`min_lead_days` integer NOT NULL,
	`min_lot` integer NOT NULL,
	`max_lot` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`capability_id`) REFERENCES `capabilities`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "capability_offers_price_check" CHECK("capability_offers"."unit_price_minor" > 0),
	CONSTRAINT "capability_offers_hours_check" CHECK("capability_offers"."centihours_per_unit" > 0),
	CONSTRAINT "capability_offers_lead_check" CHECK("capability_offers"."min_lead_days" >= 1),
	CONSTRAINT "capability_offers_lot_check" CHECK("capability_offers"."min_lot" >= 1 and "capability_offers"."max_lot" >= "capability_offers"."min_lot")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `capability_offers_company_capability_unique` ON `capability_offers` (`company_id`,`capability_id`);--> statement-breakpoint
CREATE INDEX `capability_offers_capability_idx` ON `capability_offers` (`capability_id`,`active`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`role` text NOT NULL,
	`company_id` integer,
	`holder_name` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "api_tokens_role_check" CHECK("api_tokens"."role" in ('COORDINATOR', 'MEMBER', 'INVESTOR')),
	CONSTRAINT "api_tokens_member_company_check" CHECK(("api_tokens"."role" = 'MEMBER') = ("api_tokens"."company_id" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_company_idx` ON `api_tokens` (`company_id`);
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_companies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`park_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`kind` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`employee_count` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`park_id`) REFERENCES `parks`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "companies_kind_check" CHECK("__new_companies"."kind" in ('PRODUCT', 'CONTRACT', 'OUTSIDE_CUSTOMER', 'RESEARCH_INSTITUTE', 'UNIVERSITY', 'SUPPLIER', 'FINANCIAL_INSTITUTION')),
	CONSTRAINT "companies_employee_count_check" CHECK("__new_companies"."employee_count" >= 1)
);
--> statement-breakpoint
INSERT INTO `__new_companies`("id", "park_id", "name", "name_key", "kind", "description", "employee_count", "created_at") SELECT "id", "park_id", "name", "name_key", "kind", "description", "employee_count", "created_at" FROM `companies`;--> statement-breakpoint
DROP TABLE `companies`;--> statement-breakpoint
ALTER TABLE `__new_companies` RENAME TO `companies`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `companies_park_name_key_unique` ON `companies` (`park_id`,`name_key`);--> statement-breakpoint
CREATE INDEX `companies_kind_idx` ON `companies` (`kind`);
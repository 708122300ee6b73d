CREATE TABLE `park_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`park_id` integer NOT NULL,
	`measure` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`target_year` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`set_by_token_id` integer,
	`set_at` integer NOT NULL,
	FOREIGN KEY (`park_id`) REFERENCES `parks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_by_token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "park_targets_amount_check" CHECK("park_targets"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `park_targets_park_measure_idx` ON `park_targets` (`park_id`,`measure`);
CREATE TABLE `company_factor_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`factor` text NOT NULL,
	`value_centi` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`entered_by_token_id` integer,
	`entered_by_name` text NOT NULL,
	`entered_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`factor`) REFERENCES `score_factors`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by_token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "company_factor_values_value_check" CHECK("company_factor_values"."value_centi" >= 0)
);
--> statement-breakpoint
CREATE INDEX `company_factor_values_company_idx` ON `company_factor_values` (`company_id`,`factor`,`id`);--> statement-breakpoint
CREATE TABLE `park_score_weights` (
	`park_id` integer NOT NULL,
	`factor` text NOT NULL,
	`weight` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`park_id`, `factor`),
	FOREIGN KEY (`park_id`) REFERENCES `parks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`factor`) REFERENCES `score_factors`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "park_score_weights_weight_check" CHECK("park_score_weights"."weight" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE `score_factors` (
	`code` text PRIMARY KEY NOT NULL,
	`subject` text NOT NULL,
	`component` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`reference_centi` integer,
	`position` integer NOT NULL,
	`lower_is_better` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "score_factors_reference_check" CHECK("score_factors"."reference_centi" is null or "score_factors"."reference_centi" > 0)
);--> statement-breakpoint
-- The measured sub-factors: the seven of a contractor's score, and a customer's four (issue 18).
INSERT INTO `score_factors` (`code`, `subject`, `component`, `name`, `description`, `source`, `position`, `created_at`) VALUES ('ON_TIME_DELIVERY', 'CONTRACTOR', 'VIABILITY', 'On-time delivery', 'Share of units delivered by the contract''s promised date, last 365 days.', 'MEASURED', 1, 0), ('ACCEPTED_QUALITY', 'CONTRACTOR', 'VIABILITY', 'Accepted quality', 'Share of decided units the customers accepted, last 365 days.', 'MEASURED', 2, 0), ('LOAD', 'CONTRACTOR', 'VIABILITY', 'Load', 'Share of engineer-hours booked over the next 26 weeks (100 % scores 1).', 'MEASURED', 3, 0), ('REVENUE_PER_EMPLOYEE', 'CONTRACTOR', 'DEVELOPMENT', 'Revenue per employee', 'Revenue per declared employee in the last 365 days against 30 000 000 RUB, the reference contract company''s.', 'MEASURED', 4, 0), ('GROWTH', 'CONTRACTOR', 'DEVELOPMENT', 'Growth', 'Revenue growth on the 365 days before against 25 % a year.', 'MEASURED', 5, 0), ('WIN_RATE', 'CONTRACTOR', 'COMPETITIVENESS', 'Win rate', 'Share of its decided bids that were awarded, last 365 days.', 'MEASURED', 6, 0), ('PRICE_LEVEL', 'CONTRACTOR', 'COMPETITIVENESS', 'Price level', 'Its offers'' prices against the park''s median for the same capability (at or below it scores 1).', 'MEASURED', 7, 0), ('ORDERS_PLACED', 'CUSTOMER', 'VIABILITY', 'Orders placed', 'Orders posted in the last 365 days against one a month (12 score 1).', 'MEASURED', 8, 0), ('PROMPT_DECISIONS', 'CUSTOMER', 'VIABILITY', 'Prompt decisions', 'Share of the deliveries it decided (accepted or rejected) within 7 days, last 365 days: how a customer pays its contractors'' work.', 'MEASURED', 9, 0), ('ORDER_GROWTH', 'CUSTOMER', 'DEVELOPMENT', 'Order growth', 'Growth of the value it awarded on the 365 days before, against 25 % a year.', 'MEASURED', 10, 0), ('AWARD_RATE', 'CUSTOMER', 'COMPETITIVENESS', 'Award rate', 'Share of its orders decided in the last 365 days that it awarded (not cancelled or left to expire).', 'MEASURED', 11, 0);--> statement-breakpoint
-- The customer score's default weights.
INSERT INTO `score_weights` (`factor`, `weight`, `updated_at`) VALUES ('ORDERS_PLACED', 25, 0), ('PROMPT_DECISIONS', 30, 0), ('ORDER_GROWTH', 25, 0), ('AWARD_RATE', 20, 0);

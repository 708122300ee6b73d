CREATE TABLE `engineer_skills` (
	`engineer_id` integer NOT NULL,
	`capability_id` integer NOT NULL,
	PRIMARY KEY(`engineer_id`, `capability_id`),
	FOREIGN KEY (`engineer_id`) REFERENCES `engineers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`capability_id`) REFERENCES `capabilities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `engineer_skills_capability_idx` ON `engineer_skills` (`capability_id`,`engineer_id`);--> statement-breakpoint
-- Existing engineers hold every capability their company offers (or offered): the capacity
-- each offer had before skills existed, the company's whole staff, is kept.
INSERT INTO `engineer_skills` (`engineer_id`, `capability_id`)
SELECT DISTINCT e.`id`, o.`capability_id` FROM `engineers` e JOIN `capability_offers` o ON o.`company_id` = e.`company_id`;

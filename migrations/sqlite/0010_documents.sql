CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`order_id` integer,
	`bid_id` integer,
	`question_id` integer,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "documents_one_target_check" CHECK((case when "documents"."order_id" is null then 0 else 1 end) + (case when "documents"."bid_id" is null then 0 else 1 end) + (case when "documents"."question_id" is null then 0 else 1 end) = 1)
);
--> statement-breakpoint
CREATE INDEX `documents_order_idx` ON `documents` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `documents_bid_idx` ON `documents` (`bid_id`,`id`);--> statement-breakpoint
CREATE INDEX `documents_question_idx` ON `documents` (`question_id`,`id`);
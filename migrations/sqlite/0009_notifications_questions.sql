-- Hand-edited: drizzle-kit's rebuild of events copied the new question_id column from the old
-- table, which has none; it is left out of the copy (new rows get null).
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`event_id` integer,
	`order_id` integer,
	`bid_id` integer,
	`contract_id` integer,
	`delivery_id` integer,
	`question_id` integer,
	`actor_name` text NOT NULL,
	`read_at` integer,
	`once_key` text,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notifications_kind_check" CHECK("notifications"."kind" in ('ORDER_POSTED', 'ORDER_CANCELLED', 'ORDER_AWARDED', 'ORDER_IN_PRODUCTION', 'ORDER_COMPLETED', 'ORDER_EXPIRED', 'BID_PLACED', 'BID_REVISED', 'BID_WITHDRAWN', 'BID_EXPIRED', 'BID_AWARDED', 'BID_NOT_AWARDED', 'CONTRACT_AWARDED', 'CONTRACT_STARTED', 'CONTRACT_CANCELLED', 'CONTRACT_COMPLETED', 'DELIVERY_RECORDED', 'DELIVERY_ACCEPTED', 'DELIVERY_REJECTED', 'BOOKINGS_MOVED', 'QUESTION_ASKED', 'QUESTION_ANSWERED', 'QUESTION_PUBLISHED', 'BIDDING_CLOSES_SOON', 'DELIVERY_OVERDUE', 'BID_EXPIRES_SOON'))
);
--> statement-breakpoint
CREATE INDEX `notifications_company_idx` ON `notifications` (`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`company_id`,`id`) WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_once_unique` ON `notifications` (`company_id`,`once_key`);--> statement-breakpoint
CREATE TABLE `questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`company_id` integer NOT NULL,
	`text` text NOT NULL,
	`asked_by` text NOT NULL,
	`asked_at` integer NOT NULL,
	`answer` text,
	`answered_by` text,
	`answered_at` integer,
	`published` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "questions_answer_check" CHECK(("questions"."answer" is null) = ("questions"."answered_at" is null)),
	CONSTRAINT "questions_published_check" CHECK("questions"."published" = false or "questions"."answer" is not null)
);
--> statement-breakpoint
CREATE INDEX `questions_order_idx` ON `questions` (`order_id`,`id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`at` integer NOT NULL,
	`actor_token_id` integer,
	`actor_name` text NOT NULL,
	`actor_company_id` integer,
	`order_id` integer,
	`bid_id` integer,
	`contract_id` integer,
	`delivery_id` integer,
	`question_id` integer,
	`customer_company_id` integer,
	`contractor_company_id` integer,
	`from_status` text,
	`to_status` text,
	`quantity` integer,
	`centihours` integer,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`actor_token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contractor_company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "events_type_check" CHECK("__new_events"."type" in ('ORDER_POSTED', 'ORDER_CANCELLED', 'ORDER_AWARDED', 'ORDER_IN_PRODUCTION', 'ORDER_COMPLETED', 'ORDER_EXPIRED', 'BID_PLACED', 'BID_REVISED', 'BID_WITHDRAWN', 'BID_EXPIRED', 'BID_AWARDED', 'BID_NOT_AWARDED', 'CONTRACT_AWARDED', 'CONTRACT_STARTED', 'CONTRACT_CANCELLED', 'CONTRACT_COMPLETED', 'DELIVERY_RECORDED', 'DELIVERY_ACCEPTED', 'DELIVERY_REJECTED', 'BOOKINGS_MOVED', 'QUESTION_ASKED', 'QUESTION_ANSWERED', 'QUESTION_PUBLISHED'))
);
--> statement-breakpoint
INSERT INTO `__new_events`("id", "type", "at", "actor_token_id", "actor_name", "actor_company_id", "order_id", "bid_id", "contract_id", "delivery_id", "customer_company_id", "contractor_company_id", "from_status", "to_status", "quantity", "centihours", "note") SELECT "id", "type", "at", "actor_token_id", "actor_name", "actor_company_id", "order_id", "bid_id", "contract_id", "delivery_id", "customer_company_id", "contractor_company_id", "from_status", "to_status", "quantity", "centihours", "note" FROM `events`;--> statement-breakpoint
DROP TABLE `events`;--> statement-breakpoint
ALTER TABLE `__new_events` RENAME TO `events`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `events_order_idx` ON `events` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `events_bid_expired_idx` ON `events` (`bid_id`) WHERE "events"."type" = 'BID_EXPIRED';
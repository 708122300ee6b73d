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
	`actor_name` text NOT NULL,
	`read_at` integer,
	`once_key` text,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notifications_kind_check" CHECK("notifications"."kind" in ('ORDER_POSTED', 'ORDER_CANCELLED', 'ORDER_AWARDED', 'ORDER_IN_PRODUCTION', 'ORDER_COMPLETED', 'ORDER_EXPIRED', 'BID_PLACED', 'BID_REVISED', 'BID_WITHDRAWN', 'BID_EXPIRED', 'BID_AWARDED', 'BID_NOT_AWARDED', 'CONTRACT_AWARDED', 'CONTRACT_STARTED', 'CONTRACT_CANCELLED', 'CONTRACT_COMPLETED', 'DELIVERY_RECORDED', 'DELIVERY_ACCEPTED', 'DELIVERY_REJECTED', 'BOOKINGS_MOVED', 'BIDDING_CLOSES_SOON', 'DELIVERY_OVERDUE', 'BID_EXPIRES_SOON'))
);
--> statement-breakpoint
CREATE INDEX `notifications_company_idx` ON `notifications` (`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`company_id`,`id`) WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_once_unique` ON `notifications` (`company_id`,`once_key`);
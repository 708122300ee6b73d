-- Existing contracts start on their award date (in Moscow time, UTC+3), never after their promised date.
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
	CONSTRAINT "events_type_check" CHECK("__new_events"."type" in ('ORDER_POSTED', 'ORDER_CANCELLED', 'ORDER_AWARDED', 'ORDER_IN_PRODUCTION', 'ORDER_COMPLETED', 'ORDER_EXPIRED', 'BID_PLACED', 'BID_REVISED', 'BID_WITHDRAWN', 'BID_EXPIRED', 'BID_AWARDED', 'BID_NOT_AWARDED', 'CONTRACT_AWARDED', 'CONTRACT_STARTED', 'CONTRACT_CANCELLED', 'CONTRACT_COMPLETED', 'DELIVERY_RECORDED', 'DELIVERY_ACCEPTED', 'DELIVERY_REJECTED', 'BOOKINGS_MOVED', 'CONTRACT_RESCHEDULED', 'QUESTION_ASKED', 'QUESTION_ANSWERED', 'QUESTION_PUBLISHED'))
);
--> statement-breakpoint
INSERT INTO `__new_events`("id", "type", "at", "actor_token_id", "actor_name", "actor_company_id", "order_id", "bid_id", "contract_id", "delivery_id", "question_id", "customer_company_id", "contractor_company_id", "from_status", "to_status", "quantity", "centihours", "note") SELECT "id", "type", "at", "actor_token_id", "actor_name", "actor_company_id", "order_id", "bid_id", "contract_id", "delivery_id", "question_id", "customer_company_id", "contractor_company_id", "from_status", "to_status", "quantity", "centihours", "note" FROM `events`;--> statement-breakpoint
DROP TABLE `events`;--> statement-breakpoint
ALTER TABLE `__new_events` RENAME TO `events`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `events_order_idx` ON `events` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `events_bid_expired_idx` ON `events` (`bid_id`) WHERE "events"."type" = 'BID_EXPIRED';--> statement-breakpoint
CREATE TABLE `__new_notifications` (
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
	CONSTRAINT "notifications_kind_check" CHECK("__new_notifications"."kind" in ('ORDER_POSTED', 'ORDER_CANCELLED', 'ORDER_AWARDED', 'ORDER_IN_PRODUCTION', 'ORDER_COMPLETED', 'ORDER_EXPIRED', 'BID_PLACED', 'BID_REVISED', 'BID_WITHDRAWN', 'BID_EXPIRED', 'BID_AWARDED', 'BID_NOT_AWARDED', 'CONTRACT_AWARDED', 'CONTRACT_STARTED', 'CONTRACT_CANCELLED', 'CONTRACT_COMPLETED', 'DELIVERY_RECORDED', 'DELIVERY_ACCEPTED', 'DELIVERY_REJECTED', 'BOOKINGS_MOVED', 'CONTRACT_RESCHEDULED', 'QUESTION_ASKED', 'QUESTION_ANSWERED', 'QUESTION_PUBLISHED', 'BIDDING_CLOSES_SOON', 'DELIVERY_OVERDUE', 'BID_EXPIRES_SOON'))
);
--> statement-breakpoint
INSERT INTO `__new_notifications`("id", "company_id", "kind", "at", "event_id", "order_id", "bid_id", "contract_id", "delivery_id", "question_id", "actor_name", "read_at", "once_key") SELECT "id", "company_id", "kind", "at", "event_id", "order_id", "bid_id", "contract_id", "delivery_id", "question_id", "actor_name", "read_at", "once_key" FROM `notifications`;--> statement-breakpoint
DROP TABLE `notifications`;--> statement-breakpoint
ALTER TABLE `__new_notifications` RENAME TO `notifications`;--> statement-breakpoint
CREATE INDEX `notifications_company_idx` ON `notifications` (`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`company_id`,`id`) WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_once_unique` ON `notifications` (`company_id`,`once_key`);--> statement-breakpoint
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
	`start_date` text NOT NULL,
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
	CONSTRAINT "contracts_dates_check" CHECK("__new_contracts"."start_date" <= "__new_contracts"."promised_date"),
	CONSTRAINT "contracts_value_check" CHECK("__new_contracts"."value_minor" = "__new_contracts"."quantity" * "__new_contracts"."unit_price_minor"),
	CONSTRAINT "contracts_status_check" CHECK("__new_contracts"."status" in ('AWARDED', 'IN_PRODUCTION', 'DELIVERED', 'ACCEPTED', 'CANCELLED')),
	CONSTRAINT "contracts_delivered_check" CHECK("__new_contracts"."pending_quantity" >= 0 and "__new_contracts"."accepted_quantity" >= 0 and "__new_contracts"."pending_quantity" + "__new_contracts"."accepted_quantity" <= "__new_contracts"."quantity")
);
--> statement-breakpoint
INSERT INTO `__new_contracts`("id", "order_id", "bid_id", "company_id", "customer_company_id", "quantity", "unit_price_minor", "currency", "value_minor", "centihours_per_unit", "start_date", "promised_date", "pending_quantity", "accepted_quantity", "cancel_reason", "status", "created_at", "updated_at") SELECT "id", "order_id", "bid_id", "company_id", "customer_company_id", "quantity", "unit_price_minor", "currency", "value_minor", "centihours_per_unit", min(date("created_at" / 1000 + 10800, 'unixepoch'), "promised_date"), "promised_date", "pending_quantity", "accepted_quantity", "cancel_reason", "status", "created_at", "updated_at" FROM `contracts`;--> statement-breakpoint
DROP TABLE `contracts`;--> statement-breakpoint
ALTER TABLE `__new_contracts` RENAME TO `contracts`;--> statement-breakpoint
CREATE UNIQUE INDEX `contracts_bid_unique` ON `contracts` (`bid_id`);--> statement-breakpoint
CREATE INDEX `contracts_order_idx` ON `contracts` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `contracts_company_idx` ON `contracts` (`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `contracts_customer_idx` ON `contracts` (`customer_company_id`,`id`);--> statement-breakpoint
CREATE INDEX `contracts_company_created_idx` ON `contracts` (`company_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `contracts_created_idx` ON `contracts` (`created_at`);
CREATE TABLE `events` (
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
	FOREIGN KEY (`customer_company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contractor_company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "events_type_check" CHECK("events"."type" in ('ORDER_POSTED', 'ORDER_CANCELLED', 'ORDER_AWARDED', 'ORDER_IN_PRODUCTION', 'ORDER_COMPLETED', 'ORDER_EXPIRED', 'BID_PLACED', 'BID_REVISED', 'BID_WITHDRAWN', 'BID_EXPIRED', 'BID_AWARDED', 'BID_NOT_AWARDED', 'CONTRACT_AWARDED', 'CONTRACT_STARTED', 'CONTRACT_CANCELLED', 'CONTRACT_COMPLETED', 'DELIVERY_RECORDED', 'DELIVERY_ACCEPTED', 'DELIVERY_REJECTED', 'BOOKINGS_MOVED'))
);
--> statement-breakpoint
CREATE INDEX `events_order_idx` ON `events` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `events_bid_expired_idx` ON `events` (`bid_id`) WHERE "events"."type" = 'BID_EXPIRED';
--> statement-breakpoint
-- Written by hand: the orders' history so far becomes the first events, oldest first.
INSERT INTO `events` (`type`, `at`, `actor_token_id`, `actor_name`, `actor_company_id`, `order_id`, `customer_company_id`, `from_status`, `to_status`, `note`)
SELECT CASE e.`to_status` WHEN 'OPEN' THEN 'ORDER_POSTED' WHEN 'AWARDED' THEN 'ORDER_AWARDED' WHEN 'IN_PRODUCTION' THEN 'ORDER_IN_PRODUCTION'
         WHEN 'COMPLETED' THEN 'ORDER_COMPLETED' WHEN 'CANCELLED' THEN 'ORDER_CANCELLED' ELSE 'ORDER_EXPIRED' END,
       e.`at`, e.`actor_token_id`, e.`actor_name`, e.`actor_company_id`, e.`order_id`, o.`company_id`, e.`from_status`, e.`to_status`, e.`note`
FROM `order_events` e JOIN `orders` o ON o.`id` = e.`order_id`
ORDER BY e.`id`;

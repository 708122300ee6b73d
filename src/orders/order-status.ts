import { registerEnumType } from "type-graphql";

export enum OrderStatus {
  OPEN = "OPEN",
  AWARDED = "AWARDED",
  IN_PRODUCTION = "IN_PRODUCTION",
  COMPLETED = "COMPLETED",
  CANCELLED = "CANCELLED",
  EXPIRED = "EXPIRED",
}

registerEnumType(OrderStatus, {
  name: "OrderStatus",
  description: "Where an order is in its life: OPEN -> AWARDED -> IN_PRODUCTION -> COMPLETED, or CANCELLED / EXPIRED while open.",
  valuesConfig: {
    OPEN: { description: "Takes bids until biddingClosesAt; can be awarded until awardDeadline." },
    AWARDED: { description: "Split between contractors; one contract each." },
    IN_PRODUCTION: { description: "At least one contractor has started production." },
    COMPLETED: { description: "Every contract was accepted (or cancelled after others were accepted): set when the owner accepts the last delivery." },
    CANCELLED: { description: "Cancelled by its owner while open." },
    EXPIRED: { description: "Not awarded by its award deadline." },
  },
});

import { registerEnumType } from "type-graphql";

export enum ContractStatus {
  AWARDED = "AWARDED",
  IN_PRODUCTION = "IN_PRODUCTION",
  DELIVERED = "DELIVERED",
  ACCEPTED = "ACCEPTED",
  CANCELLED = "CANCELLED",
}

registerEnumType(ContractStatus, {
  name: "ContractStatus",
  description: "Where a contract is in its life: AWARDED -> IN_PRODUCTION -> DELIVERED -> ACCEPTED, or CANCELLED before delivery.",
  valuesConfig: {
    AWARDED: { description: "Awarded; production not started yet." },
    IN_PRODUCTION: { description: "In production: some units are still to be delivered (or to be delivered again after a rejection)." },
    DELIVERED: { description: "Every unit delivered; the customer has still to accept some of them." },
    ACCEPTED: { description: "Every unit accepted: the contract is done, and its engineer-hours after that week are released." },
    CANCELLED: { description: "Cancelled by the customer; its booked engineer-hours were released." },
  },
});

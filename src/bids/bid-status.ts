import { registerEnumType } from "type-graphql";

export enum BidStatus {
  LIVE = "LIVE",
  WITHDRAWN = "WITHDRAWN",
  AWARDED = "AWARDED",
  NOT_AWARDED = "NOT_AWARDED",
  EXPIRED = "EXPIRED",
}

registerEnumType(BidStatus, {
  name: "BidStatus",
  description: "Where a bid is in its life.",
  valuesConfig: {
    LIVE: { description: "Standing: can be revised, withdrawn or awarded." },
    WITHDRAWN: { description: "Withdrawn by the contractor." },
    AWARDED: { description: "Part of the award: a contract was made from it." },
    NOT_AWARDED: { description: "The order was awarded to others, or cancelled or expired." },
    EXPIRED: { description: "Past its valid-until date while the order was open: no plan includes it, and it cannot be awarded. Revise it (a new valid-until) to stand again." },
  },
});

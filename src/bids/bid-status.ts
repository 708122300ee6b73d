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

export enum BidSource {
  SUBMITTED = "SUBMITTED",
  INSTANT_QUOTE = "INSTANT_QUOTE",
  AWARDED_QUOTE = "AWARDED_QUOTE",
}

registerEnumType(BidSource, {
  name: "BidSource",
  description: "Where a bid's terms came from.",
  valuesConfig: {
    SUBMITTED: { description: "The contractor entered them (submitBid)." },
    INSTANT_QUOTE: { description: "The contractor took its instant quote in one step (bidFromInstantQuote): its offer's price and the lead time its free capacity allowed." },
    AWARDED_QUOTE: { description: "The customer awarded the contractor's instant quote from a plan: the platform placed the bid at the published offer." },
  },
});

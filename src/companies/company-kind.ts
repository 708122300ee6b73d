import { registerEnumType } from "type-graphql";

export enum CompanyKind {
  PRODUCT = "PRODUCT",
  CONTRACT = "CONTRACT",
  OUTSIDE_CUSTOMER = "OUTSIDE_CUSTOMER",
  RESEARCH_INSTITUTE = "RESEARCH_INSTITUTE",
  UNIVERSITY = "UNIVERSITY",
  SUPPLIER = "SUPPLIER",
  FINANCIAL_INSTITUTION = "FINANCIAL_INSTITUTION",
}

registerEnumType(CompanyKind, {
  name: "CompanyKind",
  description:
    "What a participant is, fixed at registration. The technopark split: product companies order, contract companies produce, and neither does what the other does (in an industrial cluster its manufacturers may order too). A cluster's other participants have rights of their own (README, Who may do what).",
  valuesConfig: {
    PRODUCT: {
      description: "A product company (startup): creates, launches and sells products; may not own a laboratory or production.",
    },
    CONTRACT: {
      description: "A contract manufacturer: develops and produces customers' products; may not have a product of its own. In a cluster it may also order other members' work.",
    },
    OUTSIDE_CUSTOMER: { description: "A large enterprise from outside localising its product: orders from the park's contractors like a product company, outside the park's 80/20 shares." },
    RESEARCH_INSTITUTE: { description: "A research institute: offers testing and R&D like a contractor (engineers, offers, bids), outside the 80/20 shares." },
    UNIVERSITY: { description: "A university: watches the market (open orders, the capacity heat-map) to train for it; orders and bids on nothing." },
    SUPPLIER: { description: "A supplier of materials and components: sees the open orders it supplies for; orders and bids on nothing." },
    FINANCIAL_INSTITUTION: { description: "A bank or other financial institution: sees what an investor sees (analytics, heat-map, investments, scorecards)." },
  },
});

import { registerEnumType } from "type-graphql";

export enum CompanyKind {
  PRODUCT = "PRODUCT",
  CONTRACT = "CONTRACT",
}

registerEnumType(CompanyKind, {
  name: "CompanyKind",
  description: "The technopark split: each company is one kind, fixed at registration, and may not do what the other does.",
  valuesConfig: {
    PRODUCT: {
      description: "A product company (startup): creates, launches and sells products; may not own a laboratory or production.",
    },
    CONTRACT: {
      description: "A contract manufacturer: develops and produces customers' products; may not have a product of its own.",
    },
  },
});

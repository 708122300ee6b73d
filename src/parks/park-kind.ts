import { registerEnumType } from "type-graphql";

export enum ParkKind {
  TECHNOPARK = "TECHNOPARK",
  CLUSTER = "CLUSTER",
}

registerEnumType(ParkKind, {
  name: "ParkKind",
  description: "What kind of community a park is.",
  valuesConfig: {
    TECHNOPARK: { description: "A technopark: product startups and contract manufacturers side by side." },
    CLUSTER: { description: "An industrial cluster: enterprises linked in one production chain." },
  },
});

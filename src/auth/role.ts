import { registerEnumType } from "type-graphql";

export enum RoleEnum {
  COORDINATOR = "COORDINATOR",
  MEMBER = "MEMBER",
  INVESTOR = "INVESTOR",
}

registerEnumType(RoleEnum, {
  name: "Role",
  description: "What the holder of an API token may do.",
  valuesConfig: {
    COORDINATOR: { description: "The Cluster Development Center: sees and manages everything, in every park." },
    MEMBER: { description: "Acts for exactly one company and changes only that company's data." },
    INVESTOR: { description: "Reads public profiles and, later, cluster analytics; changes nothing." },
  },
});

import { registerEnumType } from "type-graphql";

export enum EngineerRole {
  SYSTEM_ENGINEER = "SYSTEM_ENGINEER",
  ENGINEER = "ENGINEER",
}

registerEnumType(EngineerRole, {
  name: "EngineerRole",
  description: "An engineer's role; revenue is reported per engineer and per system engineer.",
  valuesConfig: {
    SYSTEM_ENGINEER: { description: "Designs and integrates whole systems; the benchmark is 175 million roubles a year each." },
    ENGINEER: { description: "A production or process engineer." },
  },
});

import { GraphQLSafeInt } from "graphql-scalars";
import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { MoneyInput } from "../graphql/money";

export enum TargetMeasure {
  ORDER_VOLUME = "ORDER_VOLUME",
  CONTRACT_REVENUE = "CONTRACT_REVENUE",
}

registerEnumType(TargetMeasure, {
  name: "TargetMeasure",
  description: "The yearly figure a park's target is set for.",
  valuesConfig: {
    ORDER_VOLUME: { description: "Order volume: contracts awarded on the park's companies' orders (as OrderVolume.value), the Voronezh cluster's 27 billion roubles in 2019 and 50 billion potential by 2025." },
    CONTRACT_REVENUE: { description: "Revenue accepted by the park's contract companies (as ClusterAnalytics.contractRevenue)." },
  },
});

@InputType({ description: "A park's target: a yearly figure to reach by a year. Setting it again replaces the park's target for that measure." })
export class SetParkTargetInput {
  @Field(() => ID, { description: "The park or cluster." })
  parkId!: string;

  @Field(() => TargetMeasure, { description: "The figure." })
  measure!: TargetMeasure;

  @Field(() => MoneyInput, { description: "The figure to reach in a year (365 days); more than zero." })
  amount!: MoneyInput;

  @Field(() => GraphQLSafeInt, { description: "The year by whose end to reach it: this year to 30 years ahead." })
  year!: number;

  @Field(() => String, { nullable: true, description: "Where the target comes from, at most 4000 characters." })
  note?: string | null;
}

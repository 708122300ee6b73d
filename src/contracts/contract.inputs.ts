import { Field, ID, InputType, ObjectType } from "type-graphql";
import { UserError } from "../graphql/errors";
import { ContractStatus, Contract } from "./contract.type";

@InputType({ description: "An awarded contract whose production starts." })
export class StartContractProductionInput {
  @Field(() => ID, { description: "The contract." })
  contractId!: string;
}

@InputType({ description: "A contract to cancel, releasing its booked engineer-hours." })
export class CancelContractInput {
  @Field(() => ID, { description: "The contract." })
  contractId!: string;

  @Field(() => String, { description: "Why, at most 4000 characters; shown to the contractor." })
  reason!: string;
}

@ObjectType({ description: "Result of a change of a contract." })
export class ContractPayload {
  @Field(() => Contract, { nullable: true, description: "The contract as changed; null when refused." })
  contract!: Contract | null;

  @Field(() => [UserError], { description: "Why the change was refused; empty on success." })
  userErrors!: UserError[];
}

@InputType({ description: "Narrows a list of contracts." })
export class ContractFilter {
  @Field(() => ContractStatus, { nullable: true, description: "Only contracts in this state." })
  status?: ContractStatus | null;
}

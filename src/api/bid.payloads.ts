import { Field, ObjectType } from "type-graphql";
import { UserError } from "../graphql/errors";
import { Bid } from "./bid.type";

@ObjectType({ description: "Result of submitBid, reviseBid or withdrawBid." })
export class BidPayload {
  @Field(() => Bid, { nullable: true, description: "The bid as it now stands; null when refused." })
  bid!: Bid | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}

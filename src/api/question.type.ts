import { Field, ObjectType } from "type-graphql";
import type { QuestionRow } from "../db/schema";
import { ConnectionType } from "../graphql/connection";
import { UserError } from "../graphql/errors";
import { toGlobalId } from "../graphql/global-id";
import { Node } from "../graphql/node";

@ObjectType({
  implements: Node,
  description:
    "A contract company's question on an open order and the owner's answer. Sealed like a bid: the asker, the order's owner and the coordinator see it, everyone who may see the order once the owner publishes it (without the asker's name).",
})
export class Question extends Node {
  row!: QuestionRow;

  @Field(() => String, { description: "The question." })
  text!: string;

  @Field(() => Date, { description: "When it was asked." })
  askedAt!: Date;

  @Field(() => String, { nullable: true, description: "The owner's answer; null until answered." })
  answer!: string | null;

  @Field(() => Date, { nullable: true, description: "When it was answered." })
  answeredAt!: Date | null;

  @Field(() => Boolean, { description: "Whether the owner published it, with its answer, to everyone who may see the order." })
  published!: boolean;
}

export function toQuestion(row: QuestionRow): Question {
  return Object.assign(new Question(), { id: toGlobalId("Question", row.id), row, text: row.text, askedAt: row.askedAt, answer: row.answer, answeredAt: row.answeredAt, published: row.published });
}

export const QuestionConnection = ConnectionType("Question", Question, "A page of an order's questions, oldest first.");

@ObjectType({ description: "Result of askQuestion and answerQuestion." })
export class QuestionPayload {
  @Field(() => Question, { nullable: true, description: "The question; null when refused." })
  question!: Question | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}

import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "A question to an open order's owner." })
export class AskQuestionInput {
  @Field(() => ID, { description: "The open order." })
  orderId!: string;

  @Field(() => String, { description: "The question, at most 2000 characters. Only the owner (and the coordinator) read it, unless the owner publishes it." })
  text!: string;
}

@InputType({ description: "The owner's answer to a question on its order." })
export class AnswerQuestionInput {
  @Field(() => ID, { description: "The question." })
  questionId!: string;

  @Field(() => String, { description: "The answer, at most 4000 characters." })
  answer!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Publish the question and the answer to everyone who may see the order (every bidder); the asker's company stays unnamed to them. Default: to the asker only.",
  })
  publish!: boolean;
}

import { Field, ID, InputType } from "type-graphql";
import { MAX_MARKED } from "./notification.service";

@InputType({ description: "Which of your company's notifications to mark read." })
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: `These notifications (at most ${MAX_MARKED}); ids of others' notifications are ignored.` })
  notificationIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "Every unread notification of your company; instead of notificationIds." })
  all?: boolean | null;
}

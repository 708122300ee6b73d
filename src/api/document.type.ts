import { GraphQLSafeInt } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import type { DocumentInfo } from "../documents/document.repository";
import { ConnectionType } from "../graphql/connection";
import { toGlobalId } from "../graphql/global-id";
import { Node } from "../graphql/node";

@ObjectType({
  implements: Node,
  description: "A drawing or specification attached to an order, a bid or an answered question: seen and downloaded by those who may see what it is attached to.",
})
export class Document extends Node {
  @Field(() => String, { description: "The file's name as uploaded (path separators replaced)." })
  fileName!: string;

  @Field(() => String, { description: "Its type, told from its content: application/pdf, model/step, image/vnd.dwg, image/vnd.dxf, image/png, image/jpeg." })
  contentType!: string;

  @Field(() => GraphQLSafeInt, { description: "Its size in bytes." })
  sizeBytes!: number;

  @Field(() => String, { description: "SHA-256 of its content, hex: to check a download, or to tell two uploads apart." })
  sha256!: string;

  @Field(() => Date, { description: "When it was uploaded." })
  uploadedAt!: Date;

  @Field(() => String, { description: "Where to download it: GET this path with your API token (Authorization: Bearer ...)." })
  downloadPath!: string;
}

export function toDocument(row: DocumentInfo): Document {
  const id = toGlobalId("Document", row.id);
  return Object.assign(new Document(), { id, fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes, sha256: row.sha256, uploadedAt: row.createdAt, downloadPath: `/documents/${id}` });
}

export const DocumentConnection = ConnectionType("Document", Document, "A page of documents, oldest first.");

import type { CompanyKindValue } from "../db/schema/values";

export type Role = "COORDINATOR" | "MEMBER" | "INVESTOR";

/** Who is making a request: the holder of a valid API token. Anonymous requests have none. */
export interface Viewer {
  tokenId: number;
  role: Role;
  /** The one company a MEMBER acts for; null for other roles. */
  companyId: number | null;
  /** The kind of that company (fixed at registration, so safe to carry for the request). */
  companyKind: CompanyKindValue | null;
  holderName: string;
}

import type { PageRequest, Listed } from "../db/page";
import { listParks, countParks, findParkByNameKey, findParksByIds, insertPark } from "./park.repository";
import { gate } from "../access/policy";
import { transact, type RequestContext } from "../core/request-context";
import type { Executor } from "../db/executor";
import { notFound, ok, refused, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { optionalText, requiredName } from "../shared/validate";
import { nameKey } from "../shared/text";
import type { CreateParkInput } from "./park.inputs";
import type { ParkRow } from "../db/schema";

/** Use cases of parks. */
export class ParkService {
  /** Every park and cluster, oldest first: public. */
  async list(ctx: RequestContext, page: PageRequest): Promise<Listed<ParkRow>> {
    return { rows: await listParks(ctx.db, page), count: () => countParks(ctx.db) };
  }

  /** Registers a technopark or cluster; coordinator only. Names are unique platform-wide. */
  async createPark(ctx: RequestContext, input: CreateParkInput): Promise<Outcome<ParkRow>> {
    gate(ctx.viewer, "createPark");
    const errors = new UserErrors();
    const name = requiredName(errors, "name", input.name, "Park name");
    const region = requiredName(errors, "region", input.region, "Region");
    const description = optionalText(errors, "description", input.description, "Description");
    if (errors.any) return refused(errors);
    return transact(ctx, async ({ db: tx }) => {
      const key = nameKey(name);
      if (await findParkByNameKey(tx, key)) {
        return refused(errors.add("name", UserErrorCode.TAKEN, `A park named "${name}" already exists.`));
      }
      return ok(await insertPark(tx, { name, nameKey: key, kind: input.kind, region, description, createdAt: ctx.now }));
    });
  }
}

/** The park with this global id, or NOT_FOUND: the reports and the heat-map name a park this way. */
export async function parkOrNotFound(db: Executor, parkId: string): Promise<ParkRow> {
  const id = idOf(parkId, "Park");
  const park = id === null ? undefined : (await findParksByIds(db, [id]))[0];
  if (!park) throw notFound("No park with this id.");
  return park;
}

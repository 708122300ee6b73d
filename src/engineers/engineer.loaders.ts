import DataLoader from "dataloader";
import { MAX_BATCH, type Executor } from "../db/executor";
import { skillsOfEngineers } from "../offers/engineer-skill.repository";
import { byIdLoader, pageLoader } from "../graphql/loaders";
import { engineerCountsPerCompany, engineersPerCompany, findEngineersByIds } from "./engineer.repository";

export function engineerLoaders(db: Executor) {
  return {
    engineerById: byIdLoader(async (ids) => await findEngineersByIds(db, ids)),
    /** The capability ids each engineer holds, one statement per batch. */
    skillsByEngineer: new DataLoader<number, number[]>(
      async (ids) => {
        const skills = await skillsOfEngineers(db, ids);
        return ids.map((id) => skills.get(id)!);
      },
      { maxBatchSize: MAX_BATCH },
    ),
    engineersByCompany: pageLoader(
      async (companyIds, page, filter: { activeOnly: boolean }) => await engineersPerCompany(db, companyIds, page, filter),
      (row) => row.companyId,
      async (companyIds, filter) => await engineerCountsPerCompany(db, companyIds, filter),
    ),
  };
}

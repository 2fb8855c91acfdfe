/** 企业: an enterprise's profile, its creator slot and its certification (企业认证). */
import { defineModule } from '../../platform/module.ts';
import { CorpErrors } from './corp.errors.ts';
import { corpRights } from './corp.policy.ts';
import { corpRoutes } from './corp.routes.ts';
import * as corpsTable from './migrations/0070_corps.ts';
import * as corpLanguage from './migrations/0130_corp_language.ts';
import * as certifiedUntilIndex from './migrations/0320_corps_certified_until.ts';

export const corpModule = defineModule({
  name: 'corp',
  tables: { corps: 'reference' },
  migrations: { '0070_corps': corpsTable, '0130_corp_language': corpLanguage, '0320_corps_certified_until': certifiedUntilIndex },
  errors: CorpErrors,
  rights: corpRights,
  routes: corpRoutes,
});

export { CorpErrors };
export { INDUSTRIES, type CorpLanguage, type Industry } from './corp.tables.ts';
export { CorpDto, NewCorpBody } from './corp.schema.ts';
export { certificationsEndingBetween, corpsByIds, creatorAccountOf, getCorp, insertCorp, isCertified, listCorps, moveCreator, setCertification, type CorpView, type NewCorp } from './corp.service.ts';

import { inTransaction } from '../../platform/events.ts';
import { CertificationEvents } from '../certification/index.ts';
import { assertSubjectMayChange } from './datamigration.service.ts';

export const dataMigrationSubscribers = [
  inTransaction(CertificationEvents['certification.subject_proposed'], 'datamigration.subject-lock', async (ctx, proposed) => {
    await assertSubjectMayChange(ctx, proposed.subjectName);
  }),
];

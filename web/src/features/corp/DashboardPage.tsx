import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { useMe } from '../../session';
import { useCorpProfile } from './api';
import { CertificationStatus } from './CertificationStatus';
import { EditCorpModal } from './EditCorpModal';
import { useIndustryLabel } from './industries';

export function DashboardPage() {
  const { t } = useTranslation(['corp', 'common']);
  const me = useMe();
  const corp = useCorpProfile();
  const industryLabel = useIndustryLabel();
  const [editing, setEditing] = useState(false);

  if (corp.isError) return <LoadFailed error={corp.error} onRetry={() => void corp.refetch()} />;

  const editButton = me.roles.superAdmin && corp.data && (
    <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
      {t('common:actions.edit')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('profile.title')} extra={editButton} />
      <Card loading={corp.isPending}>
        {corp.data && (
          <Descriptions
            column={1}
            styles={{ label: { width: 160 } }}
            items={[
              { key: 'name', label: t('fields.name'), children: corp.data.name },
              { key: 'shortName', label: t('fields.shortName'), children: corp.data.shortName },
              { key: 'industry', label: t('fields.industry'), children: industryLabel(corp.data.industry) },
              {
                key: 'certification',
                label: t('fields.certification'),
                children: <CertificationStatus certifiedUntil={corp.data.certifiedUntil} />,
              },
              { key: 'id', label: t('fields.id'), children: corp.data.id },
            ]}
          />
        )}
      </Card>
      {corp.data && <EditCorpModal corp={corp.data} open={editing} onClose={() => setEditing(false)} />}
    </>
  );
}

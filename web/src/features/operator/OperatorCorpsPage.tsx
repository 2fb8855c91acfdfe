import { App, Button, Card, Flex, Input, Popconfirm, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorTable } from '../../components/CursorTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useCursorList } from '../../hooks/useCursorList';
import { CertificationStatus, isCertified } from '../corp/CertificationStatus';
import { useIndustryLabel } from '../corp/industries';
import { OPERATOR_CORPS_PATH, useSetCertification, type OperatorCorp } from './api';
import { CertificationModal } from './CertificationModal';

export function OperatorCorpsPage() {
  const { t } = useTranslation(['operator', 'corp']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const industryLabel = useIndustryLabel();
  const setCertification = useSetCertification();
  const [q, setQ] = useState('');
  const [certifying, setCertifying] = useState<OperatorCorp | null>(null);
  const list = useCursorList(OPERATOR_CORPS_PATH, { q });

  async function clearCertification(corp: OperatorCorp) {
    try {
      await setCertification(corp.id, null);
      void message.success(t('certify.saved'));
    } catch (error) {
      notifyError(error);
    }
  }

  const columns: TableColumnsType<OperatorCorp> = [
    {
      key: 'name',
      title: t('corp:fields.name'),
      render: (_, corp) => (
        <Flex vertical>
          {corp.name}
          <Typography.Text type="secondary">{corp.shortName}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'industry', title: t('corp:fields.industry'), dataIndex: 'industry', render: industryLabel },
    {
      key: 'certification',
      title: t('corp:fields.certification'),
      dataIndex: 'certifiedUntil',
      render: (certifiedUntil: string | null) => <CertificationStatus certifiedUntil={certifiedUntil} />,
    },
    { key: 'createdAt', title: t('corps.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    {
      key: 'actions',
      title: t('corps.actions'),
      render: (_, corp) => (
        <Flex gap="small">
          <Button type="link" size="small" onClick={() => setCertifying(corp)}>
            {t('certify.action')}
          </Button>
          {isCertified(corp.certifiedUntil) && (
            <Popconfirm title={t('certify.clearConfirm')} onConfirm={() => clearCertification(corp)}>
              <Button type="link" size="small" danger>
                {t('certify.clear')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('corps.title')}
        extra={<Input.Search allowClear placeholder={t('corps.search')} onSearch={(value) => setQ(value.trim())} style={{ width: 280 }} />}
      />
      <Card>
        <CursorTable<OperatorCorp> list={list} columns={columns} />
      </Card>
      <CertificationModal corp={certifying} onClose={() => setCertifying(null)} />
    </>
  );
}

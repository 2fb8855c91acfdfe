import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Body } from '../../api';
import { addAreas } from '../../i18n';
import corp from './i18n';
import { useIndustryOptions } from './industries';

// Registration shows these fields before any layout has loaded the console's texts.
addAreas({ corp });

export type CorpValues = Body<'/corps', 'post'>;

/** Enterprise name, short name and industry inputs; `prefix` nests them, e.g. `['corp']`. */
export function CorpFields({ prefix = [] }: { prefix?: string[] }) {
  const { t } = useTranslation('corp');
  const industryOptions = useIndustryOptions();
  return (
    <>
      <Form.Item name={[...prefix, 'name']} label={t('fields.name')} validateFirst rules={[{ required: true, whitespace: true }, { min: 2, max: 80 }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'shortName']}
        label={t('fields.shortName')}
        extra={t('fields.shortNameHint')}
        validateFirst
        rules={[{ required: true, whitespace: true }, { max: 20 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item name={[...prefix, 'industry']} label={t('fields.industry')} rules={[{ required: true }]}>
        <Select options={industryOptions} />
      </Form.Item>
    </>
  );
}

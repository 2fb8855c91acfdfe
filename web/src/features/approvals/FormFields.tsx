import { Form, Input, InputNumber, Select } from 'antd';
import { usePeople, type FormField, type FormValues } from './api';

/** Turns what the form holds into the values the server checks: money in fen, empty fields left out. */
export function toValues(fields: FormField[], raw: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    const v = raw[f.id];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    values[f.id] = f.type === 'money' ? Math.round(Number(v) * 100) : (v as string | number | string[]);
  }
  return values;
}

/** The other way round: a request's values as the form holds them (money in yuan), to edit them. */
export function toFormState(fields: FormField[], values: FormValues): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => values[f.id] !== undefined).map((f) => [f.id, f.type === 'money' ? Number(values[f.id]) / 100 : values[f.id]]));
}

/** A template's form as items of the enclosing antd Form, one input per field type: to submit a request and to edit it after approval. */
export function FormFields({ fields }: { fields: FormField[] }) {
  const people = usePeople();
  const input = (f: FormField) => {
    switch (f.type) {
      case 'number':
        return <InputNumber style={{ width: '100%' }} />;
      case 'money':
        return <InputNumber style={{ width: '100%' }} min={0} precision={2} addonBefore="¥" />;
      case 'date':
        return <Input type="date" />;
      case 'select':
        return <Select options={(f.options ?? []).map((o) => ({ value: o, label: o }))} />;
      case 'multiselect':
        return <Select mode="multiple" options={(f.options ?? []).map((o) => ({ value: o, label: o }))} />;
      case 'member':
        return <Select mode="multiple" showSearch optionFilterProp="label" options={(people.data?.members ?? []).map((m) => ({ value: m.id, label: m.name }))} />;
      case 'department':
        return <Select mode="multiple" options={(people.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))} />;
      case 'attachment':
        return <Select mode="tags" open={false} />;
      default:
        return <Input.TextArea autoSize />;
    }
  };
  return fields.map((f) => (
    <Form.Item key={f.id} name={f.id} label={f.label} rules={f.required ? [{ required: true }] : []}>
      {input(f)}
    </Form.Item>
  ));
}

import { defineMessages } from '../../i18n/define';

/** The page a customer opens from a 获客链接 (/c/<code>), on their phone. */
export default defineMessages(
  {
    area: '获客链接',
    title: '添加{{corpName}}的成员',
    subtitle: '留下你的称呼，添加后企业成员会与你联系。',
    name: '你的称呼',
    namePlaceholder: '例如：陈先生',
    nameRequired: '请填写你的称呼',
    add: '添加',
    added: '已添加{{memberName}}',
    addedBefore: '你已添加过{{memberName}}',
    addedBody: '{{memberName}}（{{corpName}}）已是你的联系人。',
  },
  {
    area: 'Contact link',
    title: 'Add a member of {{corpName}}',
    subtitle: 'Leave your name; once added, a member of the enterprise will be in touch.',
    name: 'Your name',
    namePlaceholder: 'e.g. Mr Chen',
    nameRequired: 'Enter your name',
    add: 'Add',
    added: 'You added {{memberName}}',
    addedBefore: 'You already added {{memberName}}',
    addedBody: '{{memberName}} of {{corpName}} is now your contact.',
  },
);

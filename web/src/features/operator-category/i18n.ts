import { defineMessages } from '../../i18n/define';

export default defineMessages(
  {
    nav: { reviews: '经营类目审核' },
    reviews: {
      title: '经营类目审核',
      hint: '企业选择或更换经营类目后等待平台审核；通过后相关功能不再拦截，驳回时企业可看到审核意见。',
      corp: '企业',
      category: '经营类目',
      scope: '适用范围',
      chosenBy: '提交人',
      chosenAt: '提交时间',
      approve: '通过',
      approveConfirm: '确定通过该企业的经营类目？',
      reject: '驳回',
      rejectTitle: '驳回经营类目',
      note: '审核意见',
      approved: '已通过审核',
      rejected: '已驳回',
      empty: '没有待审核的经营类目',
    },
  },
  {
    nav: { reviews: 'Category reviews' },
    reviews: {
      title: 'Business category reviews',
      hint: 'A business category an enterprise chooses or changes waits for the platform; once approved its features are no longer blocked, and a rejection shows the enterprise the note.',
      corp: 'Enterprise',
      category: 'Business category',
      scope: 'Scope',
      chosenBy: 'Chosen by',
      chosenAt: 'Chosen at',
      approve: 'Approve',
      approveConfirm: "Approve this enterprise's business category?",
      reject: 'Reject',
      rejectTitle: 'Reject the business category',
      note: 'Review note',
      approved: 'Approved',
      rejected: 'Rejected',
      empty: 'No business category waits for review',
    },
  },
);

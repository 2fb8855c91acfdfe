import { defineMessages } from '../../i18n/define';

/** The pages a person opens from a link: activation (/activate/<token>) and joining (/join/<code>). */
export default defineMessages(
  {
    area: '加入企业',
    signUp: '注册新账号',
    signIn: '已有账号登录',
    signUpSubmit: '注册并加入',
    unusable: '链接无法使用',
    toSignIn: '去登录',
    activate: {
      title: '加入{{corpName}}',
      subtitle: '{{memberName}}，{{corpName}}邀请你加入。注册账号或用已有账号登录后即可激活，链接在 {{at}} 前有效。',
    },
    join: {
      title: '加入{{corpName}}',
      subtitle: '注册账号或用已有账号登录后加入「{{departmentName}}」。',
      review: '加入需要管理员审核，审核通过后即可登录使用。',
      pendingTitle: '已提交申请，等待管理员审核',
      pendingBody: '管理员审核通过后，登录即可进入{{corpName}}。',
    },
  },
  {
    area: 'Join an enterprise',
    signUp: 'New account',
    signIn: 'I have an account',
    signUpSubmit: 'Sign up and join',
    unusable: 'This link cannot be used',
    toSignIn: 'Go to sign-in',
    activate: {
      title: 'Join {{corpName}}',
      subtitle: '{{memberName}}, {{corpName}} invites you to join. Sign up or sign in with an account you have to activate; the link is valid until {{at}}.',
    },
    join: {
      title: 'Join {{corpName}}',
      subtitle: 'Sign up or sign in with an account you have to join “{{departmentName}}”.',
      review: 'An admin reviews each request; once approved, you can sign in.',
      pendingTitle: 'Request sent: waiting for an admin’s approval',
      pendingBody: 'Once an admin approves it, sign in to enter {{corpName}}.',
    },
  },
);

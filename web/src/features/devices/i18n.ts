import { defineMessages } from '../../i18n/define';

export default defineMessages(
  {
    nav: '硬件设备',
    title: '硬件设备',
    intro: '设备管理权限分为绑定新硬件设备权限和管理硬件权限。创建人、超级管理员拥有企业全部硬件的管理权限。',
    bind: '绑定新设备',
    columns: { name: '名称', serial: '序列号', model: '型号', boundAt: '绑定时间', actions: '操作' },
    rename: '改名',
    unbind: '解绑',
    unbindConfirm: '解绑后该设备上的管理员权限一并删除。确定解绑？',
    form: { name: '设备名称', serial: '序列号', model: '型号' },
  },
  {
    nav: 'Devices',
    title: 'Devices',
    intro: 'Device rights are binding new devices and managing devices. The creator and super admins manage every device.',
    bind: 'Bind device',
    columns: { name: 'Name', serial: 'Serial number', model: 'Model', boundAt: 'Bound', actions: 'Actions' },
    rename: 'Rename',
    unbind: 'Unbind',
    unbindConfirm: "Admins' rights on this device go with it. Unbind?",
    form: { name: 'Device name', serial: 'Serial number', model: 'Model' },
  },
);

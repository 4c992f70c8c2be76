import { registerMessages } from '../../platform/i18n.ts';

// The mailbox settings' refusals, in the three languages.
registerMessages({
  vi: {
    'error.host_unknown': 'Không tìm thấy máy chủ «{field}» này.',
    'error.host_private': 'Máy chủ này nằm trong mạng nội bộ; hệ thống không kết nối tới đó.',
  },
  en: {
    'error.host_unknown': 'That {field} could not be found.',
    'error.host_private': 'That server is on a private network; Ombud does not connect there.',
  },
  zh: {
    'error.host_unknown': '找不到该{field}。',
    'error.host_private': '该服务器位于内部网络，系统不会连接。',
  },
});

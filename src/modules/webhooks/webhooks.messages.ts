import { registerMessages } from '../../platform/i18n.ts';

// Why an endpoint's address is refused, when it is created or changed.
registerMessages({
  vi: {
    'webhook.url_invalid': '{field} không phải là một địa chỉ URL hợp lệ.',
    'webhook.url_scheme': '{field} phải bắt đầu bằng http:// hoặc https://.',
    'webhook.url_credentials': '{field} không được chứa tên đăng nhập hay mật khẩu.',
    'webhook.url_unresolved': 'Không tìm thấy máy chủ của {field}.',
    'webhook.url_private':
      '{field} trỏ tới địa chỉ nội bộ (loopback, mạng riêng hoặc link-local). Hãy chọn «Cho phép địa chỉ mạng nội bộ» nếu đó là chủ ý.',
  },
  en: {
    'webhook.url_invalid': '{field} is not a valid URL.',
    'webhook.url_scheme': '{field} must start with http:// or https://.',
    'webhook.url_credentials': '{field} must not contain a user name or password.',
    'webhook.url_unresolved': 'The host of {field} cannot be found.',
    'webhook.url_private':
      '{field} points to a private address (loopback, a private network or link-local). Tick “Allow private destinations” if that is intended.',
  },
  zh: {
    'webhook.url_invalid': '{field}不是有效的 URL。',
    'webhook.url_scheme': '{field}必须以 http:// 或 https:// 开头。',
    'webhook.url_credentials': '{field}不能包含用户名或密码。',
    'webhook.url_unresolved': '找不到{field}的主机。',
    'webhook.url_private':
      '{field}指向内网地址（回环、私有网络或链路本地）。如确有此意，请勾选“允许内网地址”。',
  },
});

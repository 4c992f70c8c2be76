import { registerMessages } from '../../platform/i18n.ts';

// The mail settings' refusals, in the three languages.
registerMessages({
  vi: {
    'error.dkim_key_invalid':
      'Khóa riêng DKIM không hợp lệ: cần một khóa RSA (tối thiểu 1024 bit) ở dạng PEM.',
    'error.dkim_not_aligned':
      'Tên miền DKIM phải là tên miền của địa chỉ gửi (hoặc tên miền cha của nó).',
    'error.address_reserved':
      'Trên tên miền của hệ thống, tổ chức chỉ dùng được địa chỉ {slug}@ hoặc {slug}+…@.',
    'error.address_taken': 'Địa chỉ này đã được dùng.',
  },
  en: {
    'error.dkim_key_invalid':
      'The DKIM private key is not valid: use an RSA key (1024 bits or more) in PEM.',
    'error.dkim_not_aligned':
      'The DKIM domain must be the sender address’s domain (or a parent of it).',
    'error.address_reserved': 'On the platform’s domain an org may use only {slug}@ or {slug}+…@.',
    'error.address_taken': 'This address is already in use.',
  },
  zh: {
    'error.dkim_key_invalid': 'DKIM 私钥无效：请使用 PEM 格式的 RSA 密钥（至少 1024 位）。',
    'error.dkim_not_aligned': 'DKIM 域名必须是发件地址的域名（或其上级域名）。',
    'error.address_reserved': '在平台域名下，组织只能使用 {slug}@ 或 {slug}+…@ 地址。',
    'error.address_taken': '该地址已被使用。',
  },
});

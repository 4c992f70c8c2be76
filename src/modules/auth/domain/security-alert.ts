import type { Language } from '../../../platform/i18n.ts';

/** The e-mail that tells a person their account is being guessed. */
export function securityAlert(
  lang: Language,
  v: { name: string; failures: number; ip: string; org: string },
): { subject: string; body: string } {
  switch (lang) {
    case 'vi':
      return {
        subject: `[Ombud] Có người đang thử đăng nhập vào tài khoản của anh/chị`,
        body: `Chào ${v.name},\n\nTrong một giờ qua đã có ${v.failures} lần đăng nhập sai mật khẩu vào tài khoản Ombud của anh/chị tại ${v.org} (lần gần nhất từ địa chỉ ${v.ip}).\n\nNếu đó là anh/chị, có thể bỏ qua thư này. Nếu không, tài khoản vẫn an toàn khi mật khẩu chưa bị lộ; hãy đổi mật khẩu và báo cho quản trị viên.`,
      };
    case 'zh':
      return {
        subject: `[Ombud] 有人正在尝试登录您的账户`,
        body: `${v.name}，您好：\n\n过去一小时内，您在${v.org}的 Ombud 账户有 ${v.failures} 次密码错误的登录尝试（最近一次来自 ${v.ip}）。\n\n如果是您本人，可忽略此邮件。否则，只要密码未泄露，账户仍然安全；请修改密码并通知管理员。`,
      };
    case 'en':
      return {
        subject: `[Ombud] Someone is trying to sign in to your account`,
        body: `Hello ${v.name},\n\nIn the last hour there were ${v.failures} sign-ins with a wrong password to your Ombud account at ${v.org} (the latest from ${v.ip}).\n\nIf that was you, you can ignore this message. If not, your account is safe as long as your password is not known; change it and tell your administrator.`,
      };
  }
}

import { registerMessages } from '../../platform/i18n.ts';

// The templates module's refusals, in the three languages. {language} is the template's
// language by its own name; {variables} what was wrong; {allowed} what this kind can use.
registerMessages({
  vi: {
    'template.subject_unknown':
      'Tiêu đề ({language}) dùng biến không có trong loại mẫu này: {variables}. Các biến dùng được: {allowed}.',
    'template.body_unknown':
      'Nội dung ({language}) dùng biến không có trong loại mẫu này: {variables}. Các biến dùng được: {allowed}.',
    'template.subject_unclosed':
      'Tiêu đề ({language}) có dấu ngoặc nhọn chưa đóng hoặc thừa: {variables}. Biến được viết như {{reference}}.',
    'template.body_unclosed':
      'Nội dung ({language}) có dấu ngoặc nhọn chưa đóng hoặc thừa: {variables}. Biến được viết như {{reference}}.',
  },
  en: {
    'template.subject_unknown':
      'The subject ({language}) uses variables this kind of template does not have: {variables}. It can use: {allowed}.',
    'template.body_unknown':
      'The body ({language}) uses variables this kind of template does not have: {variables}. It can use: {allowed}.',
    'template.subject_unclosed':
      'The subject ({language}) has braces that do not close or close nothing: {variables}. A variable is written like {{reference}}.',
    'template.body_unclosed':
      'The body ({language}) has braces that do not close or close nothing: {variables}. A variable is written like {{reference}}.',
  },
  zh: {
    'template.subject_unknown':
      '主题（{language}）使用了此类模板没有的变量：{variables}。可用的变量：{allowed}。',
    'template.body_unknown':
      '正文（{language}）使用了此类模板没有的变量：{variables}。可用的变量：{allowed}。',
    'template.subject_unclosed':
      '主题（{language}）中有未闭合或多余的花括号：{variables}。变量的写法如 {{reference}}。',
    'template.body_unclosed':
      '正文（{language}）中有未闭合或多余的花括号：{variables}。变量的写法如 {{reference}}。',
  },
});

export type ReasonSeed = {
  code: string;
  vi: string;
  en: string;
  zh: string;
  children?: ReasonSeed[];
};

/** A starting taxonomy of complaint reasons for a service business; admins change it freely. */
export const defaultReasons: ReasonSeed[] = [
  {
    code: 'delivery',
    vi: 'Giao hàng',
    en: 'Delivery',
    zh: '配送',
    children: [
      { code: 'delivery.late', vi: 'Giao hàng chậm', en: 'Late delivery', zh: '配送延迟' },
      {
        code: 'delivery.damaged',
        vi: 'Hàng bị hư hỏng khi giao',
        en: 'Damaged in delivery',
        zh: '配送中损坏',
      },
      {
        code: 'delivery.wrong_item',
        vi: 'Giao sai hàng',
        en: 'Wrong item delivered',
        zh: '发错货',
      },
    ],
  },
  {
    code: 'billing',
    vi: 'Thanh toán và hóa đơn',
    en: 'Billing and payment',
    zh: '账单与付款',
    children: [
      { code: 'billing.overcharge', vi: 'Tính tiền sai', en: 'Overcharged', zh: '多收费' },
      { code: 'billing.refund', vi: 'Hoàn tiền chậm', en: 'Slow refund', zh: '退款慢' },
    ],
  },
  {
    code: 'product',
    vi: 'Chất lượng sản phẩm',
    en: 'Product quality',
    zh: '产品质量',
    children: [
      { code: 'product.defect', vi: 'Sản phẩm lỗi', en: 'Defective product', zh: '产品缺陷' },
      { code: 'product.warranty', vi: 'Bảo hành', en: 'Warranty', zh: '保修' },
    ],
  },
  {
    code: 'service',
    vi: 'Thái độ phục vụ',
    en: 'Staff and service',
    zh: '服务态度',
    children: [
      {
        code: 'service.attitude',
        vi: 'Nhân viên thiếu lịch sự',
        en: 'Impolite staff',
        zh: '员工态度差',
      },
      {
        code: 'service.no_callback',
        vi: 'Không gọi lại như đã hứa',
        en: 'No call-back as promised',
        zh: '未按承诺回电',
      },
    ],
  },
  {
    code: 'technical',
    vi: 'Sự cố kỹ thuật',
    en: 'Technical problem',
    zh: '技术故障',
    children: [
      { code: 'technical.outage', vi: 'Mất kết nối dịch vụ', en: 'Service outage', zh: '服务中断' },
      {
        code: 'technical.app',
        vi: 'Lỗi ứng dụng/website',
        en: 'App or website error',
        zh: '应用或网站错误',
      },
    ],
  },
];

/** Complaints as Vietnamese customers write them, one per reason of the default taxonomy. */
export const stories: {
  reason: string;
  description: string;
  ask: string;
  amount?: number;
  product: string;
}[] = [
  {
    reason: 'delivery.late',
    description:
      'Đơn hàng hẹn giao thứ Hai nhưng đến thứ Sáu vẫn chưa nhận được, gọi tổng đài không ai nghe máy.',
    ask: 'Giao hàng ngay và hoàn phí vận chuyển',
    amount: 30000,
    product: 'Máy lọc không khí',
  },
  {
    reason: 'delivery.damaged',
    description:
      'Tủ lạnh giao đến bị móp cửa, nhân viên giao hàng không cho kiểm tra trước khi ký nhận.',
    ask: 'Đổi tủ lạnh mới',
    product: 'Tủ lạnh 2 cánh',
  },
  {
    reason: 'delivery.wrong_item',
    description: 'Tôi đặt áo size M màu xanh nhưng nhận được size L màu đỏ.',
    ask: 'Đổi đúng sản phẩm đã đặt',
    product: 'Áo sơ mi nam',
  },
  {
    reason: 'billing.overcharge',
    description: 'Hóa đơn tháng này bị tính hai lần phí dịch vụ, tổng cộng dư 199.000 đồng.',
    ask: 'Hoàn lại số tiền tính dư',
    amount: 199000,
    product: 'Gói cước Internet',
  },
  {
    reason: 'billing.refund',
    description: 'Đã hủy đơn từ 3 tuần trước nhưng vẫn chưa nhận được tiền hoàn về thẻ.',
    ask: 'Hoàn tiền trong tuần này',
    amount: 1250000,
    product: 'Nồi chiên không dầu',
  },
  {
    reason: 'product.defect',
    description: 'Máy giặt mới mua được 10 ngày thì báo lỗi E21 và không xả nước được.',
    ask: 'Sửa chữa hoặc đổi máy mới',
    product: 'Máy giặt cửa trước',
  },
  {
    reason: 'product.warranty',
    description: 'Trung tâm bảo hành hẹn 7 ngày nhưng đã 3 tuần chưa trả điện thoại.',
    ask: 'Trả máy và cho mượn máy thay thế',
    product: 'Điện thoại',
  },
  {
    reason: 'service.attitude',
    description: 'Nhân viên cửa hàng nói chuyện thiếu tôn trọng khi tôi hỏi về chính sách đổi trả.',
    ask: 'Xin lỗi và nhắc nhở nhân viên',
    product: 'Cửa hàng Quận 3',
  },
  {
    reason: 'service.no_callback',
    description: 'Tổng đài hứa gọi lại trong ngày nhưng đã 4 ngày không ai liên hệ.',
    ask: 'Có người phụ trách liên hệ ngay',
    product: 'Dịch vụ lắp đặt',
  },
  {
    reason: 'technical.outage',
    description:
      'Mạng bị mất kết nối liên tục vào buổi tối trong suốt một tuần, ảnh hưởng công việc.',
    ask: 'Khắc phục và giảm cước tháng này',
    amount: 150000,
    product: 'Gói cước Internet',
  },
  {
    reason: 'technical.app',
    description: 'Ứng dụng báo thanh toán thất bại nhưng tài khoản vẫn bị trừ tiền.',
    ask: 'Kiểm tra và hoàn tiền',
    amount: 450000,
    product: 'Ứng dụng di động',
  },
];

/** A small deterministic random generator, so the demo data is the same on every machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

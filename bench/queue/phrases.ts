/**
 * Vietnamese text for the seeded complaints. A description is an opener, an issue that matches
 * the complaint's reason, a detail and an ask, so the corpus has thousands of distinct texts
 * built from a few dozen phrases, with the word overlap ("hàng", "giao", "chậm") that makes
 * trigram search realistic. '{n}' is replaced by a small number.
 */

export {
  familyNames,
  givenNames,
  middleNames,
  mobilePrefixes,
} from '../../src/entrypoints/vietnamese-names.ts';

export const openers = [
  'Tôi muốn khiếu nại về việc',
  'Kính gửi bộ phận chăm sóc khách hàng,',
  'Xin chào, tôi rất bức xúc vì',
  'Lần thứ hai tôi phải phản ánh:',
  'Mong công ty xem xét giúp:',
  'Tôi là khách hàng lâu năm nhưng lần này',
  'Gia đình tôi không hài lòng vì',
  'Đề nghị công ty giải quyết ngay:',
  'Tôi đã đặt hàng qua ứng dụng và',
  'Chào anh chị,',
];

/** Two issues per reason code; codes missing here get the generic pair. */
export const issuesByReason: Record<string, [string, string]> = {
  'delivery.late': [
    'đơn hàng giao chậm {n} ngày so với cam kết',
    'giao hàng chậm, shipper hẹn {n} lần nhưng không đến',
  ],
  'delivery.damaged': [
    'hàng bị móp méo, vỡ hộp khi nhận',
    'sản phẩm giao đến bị trầy xước và hư hỏng {n} chỗ',
  ],
  'delivery.wrong_item': [
    'giao sai màu và sai kích cỡ so với đơn đặt',
    'nhận được sản phẩm khác hoàn toàn với đơn hàng',
  ],
  'billing.overcharge': [
    'bị tính tiền hai lần cho cùng một đơn',
    'hóa đơn tính sai phí vận chuyển thêm {n}0.000 đồng',
  ],
  'billing.refund': [
    'đã trả hàng {n} tuần nhưng chưa được hoàn tiền',
    'hoàn tiền chậm, tổng đài hẹn mãi không xử lý',
  ],
  'product.defect': [
    'máy không lên nguồn sau {n} ngày sử dụng',
    'sản phẩm bị lỗi màn hình ngay khi mở hộp',
  ],
  'product.warranty': [
    'trung tâm bảo hành từ chối bảo hành không rõ lý do',
    'gửi bảo hành {n} tuần chưa nhận lại máy',
  ],
  'service.attitude': [
    'nhân viên cửa hàng thái độ thiếu lịch sự, nói trống không',
    'nhân viên tổng đài cúp máy giữa chừng',
  ],
  'service.no_callback': [
    'đã hẹn gọi lại trong ngày nhưng {n} ngày rồi không ai liên hệ',
    'gửi yêu cầu qua website nhưng không được phản hồi',
  ],
  'technical.outage': [
    'mất kết nối internet liên tục từ tối qua',
    'dịch vụ bị gián đoạn {n} giờ không báo trước',
  ],
  'technical.app': [
    'ứng dụng báo lỗi khi thanh toán',
    'không đăng nhập được website dù đã đặt lại mật khẩu',
  ],
};

export const genericIssues: [string, string] = [
  'dịch vụ không đúng như quảng cáo',
  'yêu cầu của tôi bị bỏ qua {n} lần',
];

export const details = [
  'Đây là lần thứ ba tôi gặp tình trạng này.',
  'Tôi đã gọi tổng đài nhưng chờ quá lâu.',
  'Mã đơn hàng tôi đã gửi kèm.',
  'Tôi cần được giải quyết trước cuối tuần.',
  'Hàng được đặt làm quà tặng nên rất gấp.',
  'Tôi có ảnh chụp làm bằng chứng.',
  'Nhân viên giao hàng không gọi trước khi đến.',
  'Rất mong nhận được phản hồi sớm.',
  'Tôi sẽ phản ánh lên mạng xã hội nếu không được xử lý.',
  'Cửa hàng ở quận {n} cũng không hỗ trợ.',
  'Tôi đã chờ {n} ngày mà chưa có kết quả.',
  'Con tôi cần dùng gấp cho việc học.',
];

export const asks = [
  'Đề nghị hoàn tiền.',
  'Yêu cầu đổi sản phẩm mới.',
  'Mong được bồi thường phí vận chuyển.',
  'Xin công ty có lời xin lỗi chính thức.',
  'Đề nghị giao lại trong ngày mai.',
  'Yêu cầu kiểm tra và sửa chữa miễn phí.',
  'Mong được giảm giá cho đơn tiếp theo.',
  'Đề nghị xử lý nhân viên liên quan.',
];

export const agentNames = [
  'Nguyễn Thị Lan',
  'Trần Văn Minh',
  'Lê Thu Hà',
  'Phạm Quốc Bảo',
  'Hoàng Ngọc Anh',
  'Vũ Đức Thắng',
  'Đặng Thị Mai',
  'Bùi Minh Tuấn',
  'Đỗ Thu Trang',
  'Hồ Văn Sơn',
  'Ngô Thị Hạnh',
  'Phan Hữu Nghĩa',
  'Võ Thị Kim',
  'Huỳnh Văn Phúc',
  'Trương Thị Yến',
  'Lý Minh Khoa',
  'Đinh Thị Ngọc',
  'Mai Văn Hùng',
  'Cao Thị Hồng',
  'Tạ Quang Vinh',
];

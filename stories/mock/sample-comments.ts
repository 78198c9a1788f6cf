import type { Comment } from '@bantin/model';
import { SEED_NOW, seedArticle } from '@bantin/model/fixtures';

/**
 * The seed's comment section is empty ("Chưa có bình luận nào."), so these readers and their
 * comments are INVENTED for the populated stories: plausible replies to the seed article, with
 * times before SEED_NOW so that "1 giờ trước", "1 ngày trước" show. Not facts.
 */
const hoursBefore = (hours: number) => new Date(Date.parse(SEED_NOW) - hours * 3_600_000).toISOString();
const on = (partial: Pick<Comment, 'id' | 'authorName' | 'content' | 'createdAt'> & Partial<Comment>): Comment => ({
  articleId: seedArticle.id,
  parentId: null,
  status: 'approved',
  likes: 0,
  ...partial,
});

export const sampleComments: Comment[] = [
  on({
    id: 'c1',
    authorName: 'Minh Anh',
    content: 'Mong Thành phố sớm công khai kế hoạch đầu tư công năm 2021.',
    createdAt: hoursBefore(1),
    likes: 3,
  }),
  on({
    id: 'c2',
    authorName: 'Trần Quốc Bảo',
    content:
      'Chỉ tiêu cấp nước sạch cho 85% hộ dân nông thôn là rất thiết thực. Đề nghị công bố tiến độ theo từng huyện.',
    createdAt: hoursBefore(5),
    likes: 12,
  }),
  on({
    id: 'c3',
    parentId: 'c2',
    authorName: 'Lê Thu Hà',
    content: 'Đồng ý, nhất là ở các xã ven đô.',
    createdAt: hoursBefore(4),
    likes: 1,
  }),
  on({
    id: 'c4',
    parentId: 'c3',
    authorName: 'Trần Quốc Bảo',
    content: 'Cảm ơn bạn. Hy vọng có số liệu cụ thể trước cuối năm.',
    createdAt: hoursBefore(3),
  }),
  on({
    id: 'c5',
    authorName: 'Phạm Văn Đức',
    content: 'Giải ngân vốn đầu tư công cần được đẩy nhanh hơn nữa.',
    createdAt: hoursBefore(26),
    likes: 7,
  }),
  on({
    id: 'c6',
    authorName: 'Nguyễn Thị Hồng Nhung',
    content: 'Chủ đề năm 2021 “Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển” rất ý nghĩa.',
    createdAt: hoursBefore(30),
  }),
];

/**
 * For the long-text stories: the longest name and title in the seed article, in the places a
 * reader's name and comment go, to check that stacked diacritics ("Ủy", "Ằ") are not clipped.
 */
export const longTextComments: Comment[] = [
  on({
    id: 'long-1',
    authorName: 'Ngô Thị Thanh Hằng',
    content:
      'Ủy viên Trung ương Đảng theo dõi, hướng dẫn Đảng bộ thành phố Hà Nội. Hội nghị lần thứ 2 Ban Chấp hành Đảng bộ Thành phố thảo luận nhiều nội dung quan trọng.',
    createdAt: hoursBefore(24),
    likes: 1_520,
  }),
  on({
    id: 'long-2',
    parentId: 'long-1',
    authorName: 'Nguyễn Thị Bích Ngọc',
    content:
      'Phó Bí thư Thành ủy, Phó Chủ tịch Thường trực HĐND Thành phố Nguyễn Ngọc Tuấn; Phó Bí thư Thành ủy Nguyễn Văn Phong.',
    createdAt: hoursBefore(23),
  }),
];

/**
 * A thread with more replies than a page carries (3), for "Xem thêm trả lời". INVENTED readers,
 * like the sample comments above.
 */
export const longThreadComments: Comment[] = [
  on({
    id: 'thread-1',
    authorName: 'Hoàng Minh Tuấn',
    content: 'Đề nghị Thành phố công bố danh mục dự án đầu tư công năm 2021 theo từng quận, huyện.',
    createdAt: hoursBefore(8),
    likes: 21,
  }),
  ...['Lê Thu Hà', 'Đỗ Văn Khánh', 'Vũ Thị Lan', 'Bùi Quang Huy', 'Đặng Thu Trang'].map((authorName, index) =>
    on({
      id: `thread-1-r${index + 1}`,
      parentId: 'thread-1',
      authorName,
      content: `Đồng ý với ý kiến trên (ý kiến ${index + 1}).`,
      createdAt: hoursBefore(7 - index),
    }),
  ),
];

/** An 80-character name without a space, and a name with an open U+202E: neither may break the layout. */
export const hostileNameComments: Comment[] = [
  on({
    id: 'hostile-1',
    authorName: 'Nguyễn'.repeat(13) + 'Vă',
    content: 'Một cái tên dài 80 ký tự không có dấu cách vẫn phải xuống dòng trên điện thoại.',
    createdAt: hoursBefore(2),
  }),
  on({
    id: 'hostile-2',
    authorName: '\u202EMinh Anh',
    content: 'Ký tự U+202E trong tên không được đảo ngược chữ của trang sau nó.',
    createdAt: hoursBefore(3),
    likes: 2,
  }),
];

/**
 * Vietnamese wording for the zod issues whose Vietnamese locale leaves English in the message:
 * it names types and origins as zod spells them ("mong đợi string, nhận được số", "Quá nhỏ:
 * mong đợi number >=1"). Only those names change: the templates stay zod's.. Every other issue kind keeps zod's own `vi` text, which is Vietnamese
 * already. validate() uses this for `locale: 'vi'`, the default.
 */

// The names zod gives a type (`expected`) or a length's origin, and what we call the received value.
const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi',
  number: 'số',
  int: 'số nguyên',
  nan: 'giá trị không phải số',
  bigint: 'số nguyên lớn',
  boolean: 'giá trị đúng/sai',
  symbol: 'ký hiệu',
  undefined: 'giá trị bị bỏ trống',
  void: 'giá trị bị bỏ trống',
  null: 'giá trị rỗng',
  never: 'không có giá trị nào',
  object: 'đối tượng',
  record: 'đối tượng',
  array: 'danh sách',
  tuple: 'danh sách',
  date: 'ngày tháng',
  map: 'bảng khóa–giá trị',
  set: 'tập hợp',
  file: 'tệp',
  function: 'hàm',
  promise: 'kết quả chờ xử lý',
};

const typeName = (name: string): string => TYPE_NAMES[name] ?? 'giá trị khác';

function receivedName(input: unknown): string {
  if (typeof input === 'number') return Number.isNaN(input) ? TYPE_NAMES.nan! : TYPE_NAMES.number!;
  if (input === null) return TYPE_NAMES.null!;
  if (Array.isArray(input)) return TYPE_NAMES.array!;
  if (input instanceof Date) return TYPE_NAMES.date!;
  if (input instanceof Map) return TYPE_NAMES.map!;
  if (input instanceof Set) return TYPE_NAMES.set!;
  return typeName(typeof input);
}

// What a size counts, by origin, as zod's `vi` locale says it.
const UNITS: Record<string, string> = {
  string: 'ký tự',
  array: 'phần tử',
  set: 'phần tử',
  map: 'phần tử',
  file: 'byte',
};

interface SizeIssue {
  code: 'too_small' | 'too_big';
  origin?: string;
  inclusive?: boolean;
  exact?: boolean;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

// zod's `vi` templates ("Quá nhỏ: mong đợi … có >=3 ký tự"), with the origin in Vietnamese.
function sizeMessage(issue: SizeIssue): string {
  const small = issue.code === 'too_small';
  const origin = issue.origin ?? '';
  const limit = small ? issue.minimum : issue.maximum;
  const value = origin === 'date' && typeof limit === 'number' ? new Date(limit).toISOString() : String(limit);
  const relation = issue.exact ? '=' : `${small ? '>' : '<'}${issue.inclusive === false ? '' : '='}`;
  const unit = UNITS[origin];
  const what = origin ? typeName(origin) : 'giá trị';
  return `${small ? 'Quá nhỏ' : 'Quá lớn'}: mong đợi ${what}${unit ? ' có' : ''} ${relation}${value}${unit ? ` ${unit}` : ''}`;
}

/** The Vietnamese message for an issue zod's `vi` locale words partly in English; undefined for the rest. */
export function vietnameseZodMessage(issue: {
  code?: string;
  input?: unknown;
  [key: string]: unknown;
}): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = String(issue.expected);
      // zod names a class for instanceof checks ("Date", "URL").
      const wanted = /^[A-Z]/.test(expected) ? `đối tượng ${expected}` : typeName(expected);
      if (issue.input === undefined)
        return expected === 'nonoptional' ? 'Thiếu giá trị' : `Thiếu giá trị: mong đợi ${wanted}`;
      return `Đầu vào không hợp lệ: mong đợi ${wanted}, nhận được ${receivedName(issue.input)}`;
    }
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue as unknown as SizeIssue);
    case 'invalid_key':
      return `Khóa không hợp lệ trong ${typeName(String(issue.origin))}`;
    case 'invalid_element':
      return `Giá trị không hợp lệ trong ${typeName(String(issue.origin))}`;
    default:
      return undefined;
  }
}

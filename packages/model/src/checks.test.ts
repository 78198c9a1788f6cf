import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isEmail, isOneLineName, passesCheck } from './checks.js';
import { CommentSchema, NewCommentSchema } from './comment.js';
import { validate } from './validate.js';
import { checkWire } from './wire.js';
import { CommentCreatedResponseWire } from './wire-schemas.generated.js';

test('an email with a NUL or another control character is refused (PostgreSQL answered 500)', () => {
  for (const email of ['a\u0000b@example.vn', 'ab@exa\u0000mple.vn', 'ab@example.v\u0000n', 'a\u0007@example.vn'])
    assert.equal(isEmail(email), false, JSON.stringify(email));
  assert.equal(isEmail('minhanh@example.vn'), true);
  assert.equal(isEmail('nguyễn.an@bộ.việtnam'), true);
  const body = { authorName: 'Minh Anh', content: 'Rất đồng tình.', email: 'minh\u0000anh@example.vn' };
  const result = validate(NewCommentSchema, body);
  assert.equal(result.ok, false);
  assert.equal(result.ok ? '' : result.issues[0]!.path, 'email');
});

test('a name made only of invisible characters is refused, by the schema and the browser checker alike', () => {
  const invisible = [
    '\u200b',
    '\u0085',
    '\u200b\u200c\u200d',
    '\u2060\ufeff',
    '\u200e\u200f\u202e',
    '\u3164',
    '\u2800',
    '\u00ad',
    '\u0301',
    '\ufe0f',
    '\u180e',
    '\u3000\u00a0',
  ];
  for (const name of invisible) {
    assert.equal(isOneLineName(name), false, JSON.stringify(name));
    assert.equal(validate(NewCommentSchema, { authorName: name, content: 'x' }).ok, false, JSON.stringify(name));
    const stored = {
      id: '1',
      articleId: 'a',
      parentId: null,
      authorName: name,
      content: 'x',
      createdAt: '2026-02-04T08:00:00+07:00',
      status: 'approved',
      likes: 0,
    };
    assert.equal(validate(CommentSchema, stored).ok, false, JSON.stringify(name));
    assert.equal(checkWire(CommentCreatedResponseWire, { comment: stored }).ok, false, JSON.stringify(name));
  }
  for (const name of ['Minh Anh', 'Nguyễn Thị Ánh Tuyết', 'Hà Nội'.normalize('NFD'), '👍', 'محمد', 'An\u200b', 'A']) {
    assert.equal(passesCheck('line', name), true, name);
    assert.equal(validate(NewCommentSchema, { authorName: name, content: 'x' }).ok, true, name);
  }
  // Still one line.
  assert.equal(isOneLineName('Minh\nAnh'), false);
  assert.equal(isOneLineName('Minh\u2028Anh'), false);
});

import { describe, expect, it } from 'vitest';
import { messageLabel } from '../src/index.js';

describe('message labels', () => {
  it('reads a message in Vietnamese by its rule, keeping the stored file it names, and passes unknown rules through', () => {
    expect(messageLabel({ ruleId: 'read:empty', reason: 'Empty file: nothing to extract' })).toBe('Tệp rỗng: không có gì để đọc');
    expect(messageLabel({ ruleId: 'store:duplicate', reason: 'Same content as the stored file upload/a.txt; not stored twice' })).toBe(
      'Trùng nội dung với một tệp đã lưu: không lưu hai lần (upload/a.txt)',
    );
    expect(messageLabel({ ruleId: 'future:rule', reason: 'Something new' })).toBe('Something new');
  });
});

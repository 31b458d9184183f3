import { describe, expect, it } from 'vitest';
import { scanPhrases, scanTopics } from '../src/lib/vocabulary.js';

describe('topics', () => {
  it("a phrase holding another topic's phrase names both (the child-protection hotline is child protection)", () => {
    const text = 'Niêm yết số điện thoại của Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 tại trụ sở.';
    expect(scanTopics(text)).toEqual(['Tổng đài 111', 'bảo vệ, chăm sóc trẻ em']);
    expect(scanPhrases(text).topics).toEqual(['Tổng đài 111', 'bảo vệ, chăm sóc trẻ em']);
    // the short name alone is the hotline only
    expect(scanTopics('Gọi Tổng đài 111 để được hỗ trợ.')).toEqual(['Tổng đài 111']);
  });
});

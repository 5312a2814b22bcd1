import { describe, expect, it } from 'vitest';
import { emailList } from './emailList';

describe('emailList', () => {
  it('splits on new lines, commas, semicolons and spaces and keeps each address once', () => {
    expect(emailList('ann@example.com,\nben@example.com; Ann@Example.com  carl@example.com\n\n')).toEqual(['ann@example.com', 'ben@example.com', 'carl@example.com']);
  });

  it('finds nothing in blank text', () => {
    expect(emailList(' \n , ')).toEqual([]);
  });
});

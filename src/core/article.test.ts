import { describe, expect, it } from 'vitest';
import { defaultTitle, makeArticle } from './article';
import { sha256Hex } from './text';
import { readCorpus } from '../testing/corpus';

describe('defaultTitle', () => {
  it('takes the first non-empty line and drops markdown heading marks', () => {
    expect(defaultTitle('\n\n## The CSTO is a Tool ##\nbody')).toBe('The CSTO is a Tool');
    // CommonMark needs a space after the marks: "#Hashtag" is not a heading.
    expect(defaultTitle(' \u00a0\n#Hashtag not heading')).toBe('#Hashtag not heading');
  });
  it('names the corpus articles by their first line', () => {
    expect(defaultTitle(readCorpus('002_8f4fe5d12681fb52.txt'))).toBe('The CSTO is a Tool of Russia to Maintain its Influence');
    expect(defaultTitle(readCorpus('001_54ad07cce52304a5.txt'))).toBe('The CSTO arrives in Iraq and Syria');
  });
  it('falls back when the text has no words', () => {
    expect(defaultTitle(' \n\n')).toBe('Untitled article');
  });
});

describe('makeArticle', () => {
  it('normalises the text and fingerprints the normalised text', async () => {
    const { article, text } = await makeArticle('\uFEFFTitle\r\nBody\r', { author: '  A. Writer ', outlet: ' ' });
    expect(text).toBe('Title\nBody\n');
    expect(article).toMatchObject({ title: 'Title', author: 'A. Writer', length: 11, textSha256: await sha256Hex(text) });
    expect(article).not.toHaveProperty('outlet');
  });
});

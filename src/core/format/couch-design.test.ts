import { describe, expect, it } from 'vitest';
import { designDocument, validateDocUpdate, type Security, type UserContext } from './couch-design';

const security: Security = { admins: { names: ['boss'] }, members: { names: ['ana', 'bea'], roles: ['desk'] } };
const ana: UserContext = { name: 'ana', roles: [] };
const bea: UserContext = { name: 'bea', roles: ['reviewer'] };
const sha = 'a'.repeat(64);
const claim = (by: string) => ({ _id: 'claim:c1', type: 'claim', article: sha, annotator: { id: by, name: by } });

/** The refusal of a write, or null when it is allowed. */
function refusal(newDoc: Record<string, unknown>, oldDoc: Record<string, unknown> | null, user: UserContext): string | null {
  try {
    validateDocUpdate(newDoc, oldDoc, user, security);
    return null;
  } catch (error) {
    return (error as { forbidden: string }).forbidden;
  }
}

describe('validate_doc_update', () => {
  it('lets members write their own claims and comments, and nobody else’s', () => {
    expect(refusal(claim('ana'), null, ana)).toBeNull();
    expect(refusal(claim('ana'), null, bea)).toBe("claim is written under another name than bea's");
    expect(refusal(claim('bea'), claim('ana'), bea)).toBe("this claim is ana's: only they can change it");
    expect(refusal({ ...claim('ana'), _deleted: true }, claim('ana'), ana)).toBeNull();
    expect(refusal({ _id: 'claim:c1', _deleted: true }, claim('ana'), bea)).toBe("this claim is ana's: only they can change it");
    expect(refusal({ _id: 'comment:k', type: 'comment', by: { id: 'bea', name: 'Bea' } }, null, bea)).toBeNull();
    expect(refusal({ _id: 'comment:k', type: 'comment', by: { id: 'ana', name: 'Ana' } }, null, bea)).toContain('another name');
  });

  it('keeps out whoever is not a member, or not signed in, and lets admins do anything', () => {
    expect(refusal(claim('eve'), null, { name: 'eve', roles: [] })).toBe('eve is not a member of this project');
    expect(refusal(claim('cy'), null, { name: 'cy', roles: ['desk'] })).toBeNull();
    expect(refusal(claim('ana'), null, { name: null, roles: [] })).toBe('sign in to write to this project');
    expect(refusal(claim('anyone'), claim('ana'), { name: 'root', roles: ['_admin'] })).toBeNull();
    // A server that passes no security object (pouchdb-server's _bulk_docs) leaves membership to _security.
    expect(() => validateDocUpdate(claim('eve'), null, { name: 'eve', roles: [] }, {})).not.toThrow();
    expect(() => validateDocUpdate(claim('ana'), null, { name: 'eve', roles: [] }, {})).toThrow();
  });

  it('never lets an article’s text change, and only reviewers decide', () => {
    const article = { _id: `article:${sha}`, type: 'article', textSha256: sha, text: 'The text.' };
    expect(refusal(article, null, ana)).toBeNull();
    expect(refusal({ ...article, title: 'New title' }, article, ana)).toBeNull();
    expect(refusal({ ...article, text: 'Another text.' }, article, ana)).toBe("an article's text never changes");
    expect(refusal({ ...article, _id: 'article:other' }, null, ana)).toContain('article:<the SHA-256');
    expect(refusal({ ...article, _deleted: true }, article, ana)).toBe('an article is never deleted from a project');
    const decision = (by: string) => ({ _id: `decision:${sha}:k`, type: 'decision', by: { id: by, name: by } });
    expect(refusal(decision('ana'), null, ana)).toBe('only a reviewer decides disagreements');
    expect(refusal(decision('bea'), null, bea)).toBeNull();
    expect(refusal({ _id: 'x', type: 'nonsense' }, null, ana)).toContain('not a claimtrail document');
  });

  it('ships as source CouchDB can run: the same rule, evaluated from its text', () => {
    const { validate_doc_update: source } = designDocument();
    const rule = new Function(`return (${source});`)() as typeof validateDocUpdate;
    expect(() => rule(claim('ana'), null, bea, security)).toThrow();
    expect(() => rule(claim('ana'), null, ana, security)).not.toThrow();
  });
});

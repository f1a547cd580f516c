/**
 * The team database's design document: `validate_doc_update`, the rule CouchDB runs on every
 * write, replicated ones included. It refuses a claim, annotation waiting for a label or comment
 * whose annotator is not the signed-in user (and any change to someone else's), any change to an
 * article's text, and decisions by anyone who is not a reviewer; admins may do anything. Reads are
 * kept to members by the database's `_security`. The function is plain JavaScript, whole in
 * itself (CouchDB runs its source), and testable in Node with forged documents.
 */

/** A CouchDB user as validate_doc_update sees it. */
export interface UserContext {
  name: string | null;
  roles: string[];
}

/** The database's `_security` object. */
export interface Security {
  admins?: { names?: string[]; roles?: string[] };
  members?: { names?: string[]; roles?: string[] };
}

/** A document as the rule sees it: anything, checked field by field. */
type AnyDoc = Record<string, unknown> & { _id?: string; _deleted?: boolean; type?: unknown };

/** The rule. Throws `{ forbidden: message }` to refuse a write, as CouchDB expects. */
export function validateDocUpdate(newDoc: AnyDoc, oldDoc: AnyDoc | null, userCtx: UserContext, secObj: Security): void {
  const roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1) return;
  const refuse = (message: string) => {
    throw { forbidden: message };
  };
  const listed = (group: { names?: string[]; roles?: string[] } | undefined) =>
    !!group && ((group.names || []).indexOf(userCtx.name || '') !== -1 || (group.roles || []).some((r) => roles.indexOf(r) !== -1));
  if (!userCtx.name) refuse('sign in to write to this project');
  // `_security` already keeps non-members out; this says it again where the server passes the
  // security object. pouchdb-server's _bulk_docs, which replication writes through, passes an
  // empty one (pouchdb-server #419): then membership is `_security`'s alone.
  const hasMembers = (g: Security['members']) => !!g && ((g.names || []).length > 0 || (g.roles || []).length > 0);
  if ((hasMembers(secObj.members) || hasMembers(secObj.admins)) && !listed(secObj.members) && !listed(secObj.admins))
    refuse(`${userCtx.name} is not a member of this project`);
  const doc = newDoc._deleted && oldDoc ? oldDoc : newDoc;
  const type = doc.type;
  const idOf = (who: unknown) => (who && typeof who === 'object' ? (who as { id?: unknown }).id : undefined);
  const ownerOf = (d: AnyDoc | null) => (d ? idOf(d.type === 'comment' ? d.by : d.annotator) : undefined);
  if (type === 'article') {
    if (newDoc._deleted) refuse('an article is never deleted from a project');
    if (oldDoc && !oldDoc._deleted && (oldDoc.text !== newDoc.text || oldDoc.textSha256 !== newDoc.textSha256)) refuse("an article's text never changes");
    if (newDoc._id !== `article:${String(newDoc.textSha256)}`) refuse('an article document is named article:<the SHA-256 of its text>');
    return;
  }
  if (type === 'claim' || type === 'unlabelled' || type === 'comment') {
    if (!newDoc._deleted && ownerOf(newDoc) !== userCtx.name) refuse(`${String(type)} is written under another name than ${userCtx.name}'s`);
    if (oldDoc && !oldDoc._deleted && ownerOf(oldDoc) !== userCtx.name) refuse(`this ${String(type)} is ${String(ownerOf(oldDoc))}'s: only they can change it`);
    return;
  }
  if (type === 'decision') {
    if (roles.indexOf('reviewer') === -1) refuse('only a reviewer decides disagreements');
    if (!newDoc._deleted && idOf(newDoc.by) !== userCtx.name) refuse(`a decision is written under another name than ${userCtx.name}'s`);
    return;
  }
  if (type === 'relation' || type === 'thread') return;
  refuse(`not a claimtrail document: type ${JSON.stringify(type)}`);
}

/** The design document to install in a project's database. */
export function designDocument(): { _id: string; language: 'javascript'; validate_doc_update: string } {
  return { _id: '_design/claimtrail', language: 'javascript', validate_doc_update: validateDocUpdate.toString() };
}

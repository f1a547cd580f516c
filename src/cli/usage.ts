/**
 * What the `claimtrail` commands print for --help and on a wrong call. Kept apart from the
 * commands, so that printing help loads nothing else.
 */

export const AGREE_USAGE = `usage: claimtrail agree FILE... [--json]
  agree   agreement figures for the annotators in claimtrail export files, per article and overall`;

export const CARRY_USAGE = `usage: claimtrail carry EXPORT.json --to NEW.txt [--article ID] [--out FILE]
  carry   re-anchor the claims of one article of a claimtrail file onto the text of NEW.txt`;

export const CONVERT_USAGE = `usage: claimtrail convert FILE --to w3c|hypothesis|brat|csv|claimreview [--out PATH] [--review-url URL]
       claimtrail convert FILE --from w3c|hypothesis|brat [--text ARTICLE.txt] [--url URL]
                          [--map TAG=LABEL]... [--label LABEL] [--out PATH] [--report PATH]
  convert   a claimtrail file to another format (brat needs --out, a .zip; claimreview needs
            --review-url, the page that publishes the fact checks), or another tool's
            annotations, with the text they are on (brat: an .ann with --text, or a zip of
            .txt/.ann pairs), to a claimtrail file. Only annotations of that text's document are
            placed (matched by --url, then by quote). --map and --label give labels to tags and
            types; annotations left without one are kept as waiting for a label. --report writes
            what became of each annotation as JSON. Exit 0 when something was written, 1 when the
            file was refused or nothing in it could be used, 2 on bad arguments.`;

export const COUCH_SETUP_USAGE = `usage: claimtrail couch-setup URL DATABASE --user ADMIN [--origin ORIGIN]... [--member NAME]... [--reviewer NAME]...
  couch-setup   make a CouchDB database a team project: create it, install the design document,
                admit only the members and reviewers, give reviewers the reviewer role, and allow
                the app's origins (default http://localhost:5173) with credentials. The admin's
                password is read from COUCHDB_PASSWORD, else asked. Safe to run again.`;

/** The whole help: every command, and --version. */
export const USAGE = `${AGREE_USAGE}
${CARRY_USAGE.replace('usage: ', '       ')}
${CONVERT_USAGE.replace('usage: ', '       ')}
${COUCH_SETUP_USAGE.replace('usage: ', '       ')}
       claimtrail --version`;

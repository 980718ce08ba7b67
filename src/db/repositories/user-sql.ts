// SQL fragments of the /account statements that read a user by primary key.

/**
 * The Slack id of the user `column` names, null when none: a subquery on User's primary key, one row
 * per use, rather than a join, which the planner may answer by hashing the whole User table on every
 * lookup. It did on PGlite, on a book fresh from an import: PGlite has no autovacuum, so the tables had
 * no statistics yet.
 */
export const slackIdOf = (column: string) => `(SELECT u."slackUserId" FROM "User" u WHERE u.id = ${column})`;

/** The user `column` names as `{ slackUserId, name }` JSON, null when none; a subquery as above. */
export const userJsonOf = (column: string) =>
  `(SELECT json_build_object('slackUserId', u."slackUserId", 'name', u.name) FROM "User" u WHERE u.id = ${column})`;

/** The users' read side: the user view, kept by a projection, found by id or email. */
package dev.eskit.queries.user;

/** The users' API. */
package dev.eskit.web.users;

/** Who may call what: HTTP Basic users from configuration, the roles reader, writer and admin, and the dev accounts. */
package dev.eskit.security;

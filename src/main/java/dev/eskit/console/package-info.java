/**
 * The admin console at {@code /console}: server-rendered pages (Thymeleaf) made live with htmx,
 * on the same module APIs as the HTTP API. Readers browse; admins replay, retry, delete.
 */
package dev.eskit.console;

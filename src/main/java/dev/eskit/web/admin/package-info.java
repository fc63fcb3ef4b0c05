/** The admin API: processors and replays, dead letters, and the purge of retired events. */
package dev.eskit.web.admin;

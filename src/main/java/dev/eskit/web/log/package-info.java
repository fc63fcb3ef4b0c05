/** The global log's API: pages, long poll, and the SSE stream with its relay. */
package dev.eskit.web.log;

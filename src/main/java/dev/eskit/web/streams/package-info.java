/**
 * The streams' API: appends, atomic appends across streams, reads, deletion, metadata and the
 * catalog listings.
 */
package dev.eskit.web.streams;

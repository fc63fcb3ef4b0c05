/** What the views share: keyset cursors and timestamps. */
package dev.eskit.queries.support;

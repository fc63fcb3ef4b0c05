/**
 * The gatherings' read side: the gathering view and its attendees, kept by a projection and
 * searched with keyset cursors.
 */
package dev.eskit.queries.gathering;

/** How the API reads streams from an event store that does not keep positions with them (Axon Server). */
package dev.eskit.store;

/** Named consumer checkpoints, stored with JPA. */
package dev.eskit.queries.consumer;

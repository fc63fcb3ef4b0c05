/**
 * What the write side's aggregates share: their caches (Caffeine through Axon's JCache adapter,
 * never serving a copy the store has moved past), how a command names its aggregate, and the lookup
 * of active users.
 */
package dev.eskit.commands.support;

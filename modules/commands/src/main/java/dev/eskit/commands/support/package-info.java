/** What the write side's aggregates share: the in-memory aggregate cache. */
package dev.eskit.commands.support;

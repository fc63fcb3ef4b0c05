/** The Kafka bridge: every stored event published as a CloudEvent on its partition's topic, keyed by stream. */
package dev.eskit.kafka;

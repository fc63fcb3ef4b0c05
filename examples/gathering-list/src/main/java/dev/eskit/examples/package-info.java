/**
 * An outside consumer that needs nothing of ESKIT: a live list of gatherings built from the Kafka
 * topic with kafka-clients and the CloudEvents SDK.
 */
package dev.eskit.examples;

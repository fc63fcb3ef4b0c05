/** The entity store's aggregates: JSON documents changed by merge patches, and types with JSON Schemas. */
package dev.eskit.commands.entity;

/** Messages of the entity store: JSON documents whose every change is an event, and their types' schemas. */
package dev.eskit.commands.api.entity;

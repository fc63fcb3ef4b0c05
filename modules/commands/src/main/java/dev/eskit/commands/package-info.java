/** The write side: aggregates that decide which events are stored, and the messages they exchange. */
package dev.eskit.commands;

/** Messages of gatherings (parties, concerts, festivals, meetups) and their attendees. */
package dev.eskit.commands.api.gathering;

/** The user aggregate and the write side's lookup of active users by email. */
package dev.eskit.commands.user;

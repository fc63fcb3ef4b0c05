/** Messages of the users domain: registration, profile changes, deactivation and erasure of personal data. */
package dev.eskit.commands.api.user;

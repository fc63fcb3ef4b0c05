/** What other modules may see of the write side: commands, events, results and rejections, all records. */
package dev.eskit.commands.api;

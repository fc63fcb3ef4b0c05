/** What other modules may see of the read side: query services, their results and their errors. */
package dev.eskit.queries.api;

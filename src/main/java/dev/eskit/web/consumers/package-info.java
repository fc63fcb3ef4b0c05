/** The consumer checkpoints' API. */
package dev.eskit.web.consumers;

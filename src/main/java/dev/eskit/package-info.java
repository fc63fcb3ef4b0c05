/** The deployable: HTTP, security, OpenAPI, logging and the wiring of the modules onto Axon. */
package dev.eskit;

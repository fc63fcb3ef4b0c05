/** The entities' and types' API, and {@code EntityOperations}, which HTTP and gRPC share. */
package dev.eskit.web.entities;

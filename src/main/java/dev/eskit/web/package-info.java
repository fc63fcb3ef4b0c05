/** The HTTP API under {@code /api/v1}: controllers that speak only to gateways and module api services. */
package dev.eskit.web;

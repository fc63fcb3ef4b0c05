/**
 * The gRPC API (the {@code eskit/v1} services of {@code modules/grpc-api}) on its own port: the same
 * operations, refusals and security as the HTTP API, translated to and from protobuf messages.
 */
package dev.eskit.grpc;

package dev.eskit.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.grpc.v1.ConsumersGrpc;
import dev.eskit.grpc.v1.EntitiesGrpc;
import dev.eskit.grpc.v1.LogGrpc;
import dev.eskit.grpc.v1.StreamsGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every call of the eskit services needs a role: a new RPC that nobody classified would be denied to all. */
class GrpcRolesTest {

    @Test
    void everyCallIsEitherAReadOrAWriteAndNeverBoth() {
        Set<String> all = Stream.of(StreamsGrpc.getServiceDescriptor(), LogGrpc.getServiceDescriptor(),
                        ConsumersGrpc.getServiceDescriptor(), EntitiesGrpc.getServiceDescriptor())
                .map(ServiceDescriptor::getMethods)
                .flatMap(methods -> methods.stream().map(MethodDescriptor::getFullMethodName))
                .collect(Collectors.toSet());
        Set<String> reads = names(GrpcSecurityConfiguration.READS);
        Set<String> writes = names(GrpcSecurityConfiguration.WRITES);

        Set<String> both = new HashSet<>(reads);
        both.retainAll(writes);
        assertThat(both).isEmpty();
        Set<String> classified = new HashSet<>(reads);
        classified.addAll(writes);
        assertThat(classified).isEqualTo(all);
    }

    private static Set<String> names(java.util.List<MethodDescriptor<?, ?>> methods) {
        return methods.stream().map(MethodDescriptor::getFullMethodName).collect(Collectors.toSet());
    }
}

package dev.eskit.security;

import dev.eskit.grpc.v1.ConsumersGrpc;
import dev.eskit.grpc.v1.EntitiesGrpc;
import dev.eskit.grpc.v1.LogGrpc;
import dev.eskit.grpc.v1.StreamsGrpc;
import io.grpc.MethodDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.security.AuthenticationProcessInterceptor;
import org.springframework.grpc.server.security.BearerTokenAuthenticationExtractor;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.grpc.server.security.HttpBasicAuthenticationExtractor;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * The gRPC port asks for the same credentials as HTTP, in the {@code authorization} metadata: HTTP
 * Basic for the configured accounts, or a bearer token when a JWT decoder is configured. Reading
 * calls need reader, writing calls writer; health and reflection are open, so that probes and
 * {@code grpcurl} work without the protos. A call this list does not name is refused.
 */
@Configuration(proxyBeanMethods = false)
class GrpcSecurityConfiguration {

    static final List<MethodDescriptor<?, ?>> READS = List.of(
            StreamsGrpc.getReadMethod(), StreamsGrpc.getGetStreamMethod(), StreamsGrpc.getListStreamsMethod(),
            StreamsGrpc.getListPartitionsMethod(), StreamsGrpc.getListEventTypesMethod(), StreamsGrpc.getGetMetadataMethod(),
            LogGrpc.getReadMethod(), LogGrpc.getSubscribeMethod(),
            ConsumersGrpc.getGetMethod(), ConsumersGrpc.getListMethod(),
            EntitiesGrpc.getGetMethod(), EntitiesGrpc.getHistoryMethod(), EntitiesGrpc.getListMethod(),
            EntitiesGrpc.getGetTypeMethod(), EntitiesGrpc.getListTypesMethod());
    static final List<MethodDescriptor<?, ?>> WRITES = List.of(
            StreamsGrpc.getAppendMethod(), StreamsGrpc.getAppendManyMethod(), StreamsGrpc.getDeleteMethod(),
            StreamsGrpc.getSetMetadataMethod(),
            ConsumersGrpc.getSaveMethod(), ConsumersGrpc.getDeleteMethod(),
            EntitiesGrpc.getCreateMethod(), EntitiesGrpc.getReplaceMethod(), EntitiesGrpc.getPatchMethod(),
            EntitiesGrpc.getDeleteMethod(), EntitiesGrpc.getDefineTypeMethod());
    private static final String[] OPEN = {
            "grpc.health.v1.Health/*", "grpc.reflection.v1.ServerReflection/*", "grpc.reflection.v1alpha.ServerReflection/*"};

    @Bean
    @GlobalServerInterceptor
    AuthenticationProcessInterceptor grpcAuthentication(GrpcSecurity grpc, SecurityProperties properties,
                                                        AuthenticationProvider accounts, ObjectProvider<JwtDecoder> jwtDecoder,
                                                        RoleHierarchy roles) throws Exception {
        List<AuthenticationProvider> providers = new ArrayList<>(List.of(accounts));
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
            tokens.setJwtAuthenticationConverter(new JwtRoles(properties.jwt()));
            providers.add(tokens);
            grpc.authenticationExtractor(new BearerTokenAuthenticationExtractor());
        }
        return grpc
                .authenticationManager(new ProviderManager(providers))
                .authorizeRequests(calls -> calls
                        .methods(names(READS)).access(role(Roles.READER, roles))
                        .methods(names(WRITES)).access(role(Roles.WRITER, roles))
                        .methods(OPEN).permitAll()
                        .allRequests().denyAll())
                // the providers above, not the user-details bean that httpBasic() and oauth2ResourceServer() look for
                .authenticationExtractor(new HttpBasicAuthenticationExtractor())
                .build();
    }

    private static String[] names(List<MethodDescriptor<?, ?>> methods) {
        return methods.stream().map(MethodDescriptor::getFullMethodName).toArray(String[]::new);
    }

    private static AuthorizationManager<Object> role(String role, RoleHierarchy roles) {
        AuthorityAuthorizationManager<Object> manager = AuthorityAuthorizationManager.hasRole(role);
        manager.setRoleHierarchy(roles);
        return manager;
    }
}

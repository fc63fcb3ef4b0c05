package dev.eskit.grpc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.GlobalServerInterceptor;

/** What every gRPC call passes through besides security (which {@code dev.eskit.security} adds). */
@Configuration(proxyBeanMethods = false)
class GrpcConfiguration {

    @Bean
    @GlobalServerInterceptor
    CallLogContext callLogContext() {
        return new CallLogContext();
    }
}

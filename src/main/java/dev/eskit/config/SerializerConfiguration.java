package dev.eskit.config;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Lets Axon's Jackson 3 serializer read back the tokens of a replay. A {@code ReplayToken} keeps a
 * context typed {@code Object} with its class name beside it, and Jackson 3 refuses polymorphic
 * types on {@code Object} unless a validator names the classes it may create: Axon's own.
 */
@Configuration(proxyBeanMethods = false)
class SerializerConfiguration {

    @Bean
    Jackson3SerializerCustomizer axonPolymorphicTypes() {
        return mapper -> mapper.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .build());
    }
}

package dev.eskit.config;

import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Axon's serializer for messages, events and tokens: Jackson 3 ({@code axon.serializer.*}), built
 * here as Axon's auto-configuration builds it, with stored type names resolved once
 * ({@link LoadedTypesSerializer}). It reads back the tokens of a replay: a {@code ReplayToken}
 * keeps a context typed {@code Object} with its class name beside it, and Jackson 3 refuses
 * polymorphic types on {@code Object} unless a validator names the classes it may create: Axon's own.
 */
@Configuration(proxyBeanMethods = false)
class SerializerConfiguration {

    @Bean
    @Primary
    Serializer serializer(RevisionResolver revisions) {
        return new LoadedTypesSerializer(Jackson3Serializer.builder()
                .revisionResolver(revisions)
                .converter(new ChainingConverter(SerializerConfiguration.class.getClassLoader()))
                .jsonMapperBuilderCustomizer(mapper -> mapper.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .build())));
    }
}

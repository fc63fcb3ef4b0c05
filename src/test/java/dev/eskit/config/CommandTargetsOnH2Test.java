package dev.eskit.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.H2Test;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every aggregate finds a command's target through the resolver that caches each command class's members. */
@H2Test
class CommandTargetsOnH2Test {

    @Autowired
    private Configuration axon;

    @Test
    void theAggregatesUseTheCachedResolver() {
        assertThat(axon.getComponent(CommandTargetResolver.class).getClass().getSimpleName()).isEqualTo("CachedCommandTargets");
    }
}

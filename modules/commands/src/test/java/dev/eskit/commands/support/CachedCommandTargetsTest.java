package dev.eskit.commands.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eskit.commands.api.entity.EntityCommands.CreateEntity;
import dev.eskit.commands.api.entity.EntityCommands.DefineEntityType;
import dev.eskit.commands.api.entity.EntityId;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The cached resolver names the same aggregate and version as Axon's, for every way a command can say them. */
class CachedCommandTargetsTest {

    private final CachedCommandTargets cached = new CachedCommandTargets();
    private final AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion long version) {
    }

    record VersionedAsText(@TargetAggregateIdentifier String id, @TargetAggregateVersion String version) {
    }

    static class OnAField {
        @TargetAggregateIdentifier
        private final String id;

        OnAField(String id) {
            this.id = id;
        }
    }

    record Unaddressed(String id) {
    }

    @Test
    void resolvesAsAxonDoesFromComponentsMethodsAndFields() {
        List<Object> commands = List.of(
                new CreateEntity(new EntityId("Invoice", "42"), JsonMapper.shared().createObjectNode()),
                new DefineEntityType("Invoice", JsonMapper.shared().createObjectNode()),
                new Versioned("a", 7), new VersionedAsText("b", "8"), new OnAField("c"));

        for (Object command : commands) {
            for (int i = 0; i < 2; i++) {
                assertThat(cached.resolveTarget(GenericCommandMessage.asCommandMessage(command)))
                        .as(command.toString())
                        .isEqualTo(axons.resolveTarget(GenericCommandMessage.asCommandMessage(command)));
            }
        }
    }

    @Test
    void refusesACommandWithoutATargetAsAxonDoes() {
        var command = GenericCommandMessage.asCommandMessage(new Unaddressed("d"));

        assertThatThrownBy(() -> axons.resolveTarget(command)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cached.resolveTarget(command)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unaddressed");
    }

    @Test
    void refusesAVersionThatIsNoNumber() {
        var command = GenericCommandMessage.asCommandMessage(new VersionedAsText("e", "seven"));

        assertThatThrownBy(() -> cached.resolveTarget(command)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }
}

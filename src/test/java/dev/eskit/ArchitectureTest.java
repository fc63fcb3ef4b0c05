package dev.eskit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

/**
 * The modules' boundaries: a module sees another only through its {@code api} package; the write
 * side never reads the read side; the application wires modules through their api only.
 */
class ArchitectureTest {

    private static final JavaClasses ESKIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.eskit");

    @Test
    void queriesSeeCommandsOnlyThroughTheirApi() {
        noClasses().that().resideInAPackage("dev.eskit.queries..")
                .should().dependOnClassesThat(resideInAPackage("dev.eskit.commands..").and(not(resideInAPackage("dev.eskit.commands.api.."))))
                .check(ESKIT);
    }

    @Test
    void commandsNeverSeeTheReadSideOrMetrics() {
        noClasses().that().resideInAPackage("dev.eskit.commands..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.eskit.queries..", "dev.eskit.metrics..")
                .check(ESKIT);
    }

    @Test
    void metricsSeeOtherModulesOnlyThroughTheirApi() {
        noClasses().that().resideInAPackage("dev.eskit.metrics..")
                .should().dependOnClassesThat(resideInAPackage("dev.eskit.commands..").and(not(resideInAPackage("dev.eskit.commands.api..")))
                        .or(resideInAPackage("dev.eskit.queries..").and(not(resideInAPackage("dev.eskit.queries.api..")))))
                .allowEmptyShould(true)
                .check(ESKIT);
    }

    @Test
    void theApplicationUsesModulesOnlyThroughTheirApi() {
        noClasses().that().resideOutsideOfPackages("dev.eskit.commands..", "dev.eskit.queries..", "dev.eskit.metrics..")
                .should().dependOnClassesThat(resideInAPackage("dev.eskit.commands..").and(not(resideInAPackage("dev.eskit.commands.api..")))
                        .or(resideInAPackage("dev.eskit.queries..").and(not(resideInAPackage("dev.eskit.queries.api.."))))
                        .or(resideInAPackage("dev.eskit.metrics..").and(not(resideInAPackage("dev.eskit.metrics.api..")))))
                .check(ESKIT);
    }

    @Test
    void apiPackagesHoldNoPersistentEntities() {
        noClasses().that().resideInAPackage("..api..").should().beAnnotatedWith(Entity.class).check(ESKIT);
    }
}

package dev.eskit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The modules' boundaries: a module sees another only through its {@code api} package; the write
 * side never reads the read side; event processing lies under the read side and never sees it; the
 * application wires modules through their api only.
 */
class ArchitectureTest {

    private static final JavaClasses ESKIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.eskit");

    private static final List<String> MODULES = List.of("dev.eskit.commands", "dev.eskit.processing", "dev.eskit.queries",
            "dev.eskit.metrics");

    @Test
    void queriesSeeCommandsAndProcessingOnlyThroughTheirApi() {
        noClasses().that().resideInAPackage("dev.eskit.queries..")
                .should().dependOnClassesThat(insideAnotherModuleOutsideItsApi("dev.eskit.queries"))
                .check(ESKIT);
    }

    @Test
    void commandsNeverSeeTheReadSideProcessingOrMetrics() {
        noClasses().that().resideInAPackage("dev.eskit.commands..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.eskit.queries..", "dev.eskit.processing..", "dev.eskit.metrics..")
                .check(ESKIT);
    }

    @Test
    void processingLiesUnderTheReadSideAndSeesOnlyTheCommandsApi() {
        noClasses().that().resideInAPackage("dev.eskit.processing..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.eskit.queries..", "dev.eskit.metrics..")
                .check(ESKIT);
        noClasses().that().resideInAPackage("dev.eskit.processing..")
                .should().dependOnClassesThat(insideAnotherModuleOutsideItsApi("dev.eskit.processing"))
                .check(ESKIT);
    }

    @Test
    void metricsSeeOtherModulesOnlyThroughTheirApi() {
        noClasses().that().resideInAPackage("dev.eskit.metrics..")
                .should().dependOnClassesThat(insideAnotherModuleOutsideItsApi("dev.eskit.metrics"))
                .check(ESKIT);
    }

    @Test
    void theApplicationUsesModulesOnlyThroughTheirApi() {
        noClasses().that().resideOutsideOfPackages(MODULES.stream().map(module -> module + "..").toArray(String[]::new))
                .should().dependOnClassesThat(insideAnotherModuleOutsideItsApi(null))
                .check(ESKIT);
    }

    /** A class of a module other than {@code own} (null: of any module) that is not in that module's api package. */
    private static DescribedPredicate<JavaClass> insideAnotherModuleOutsideItsApi(String own) {
        return MODULES.stream().filter(module -> !module.equals(own))
                .map(module -> resideInAPackage(module + "..").and(not(resideInAPackage(module + ".api.."))))
                .reduce((some, other) -> some.or(other))
                .orElseThrow();
    }

    @Test
    void apiPackagesHoldNoPersistentEntities() {
        noClasses().that().resideInAPackage("..api..").should().beAnnotatedWith(Entity.class).check(ESKIT);
    }
}

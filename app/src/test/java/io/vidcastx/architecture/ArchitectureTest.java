package io.vidcastx.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries of STYLE.md, checked on the compiled app, core and db modules. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vidcastx");
    }

    @Test
    void views_never_touch_repositories_or_the_database() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.jooq..", "io.vidcastx.db.jooq..")
                .because("views call services, which own transactions and authorisation")
                .check(classes);
    }

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching("io.vidcastx.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_app_never_depends_on_a_worker_or_the_launcher() {
        noClasses().that().resideOutsideOfPackages("io.vidcastx.workers..", "io.vidcastx.launcher..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vidcastx.workers..", "io.vidcastx.launcher..")
                .check(classes);
    }
}

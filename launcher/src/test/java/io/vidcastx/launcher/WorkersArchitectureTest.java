package io.vidcastx.launcher;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;

/**
 * The workers' boundaries, checked here because only the launcher sees the app and every worker at
 * once. Maven already keeps a worker from compiling against the app or another worker; these rules
 * say so in the tests too and also cover what Maven cannot see (jOOQ outside a worker's repository).
 */
class WorkersArchitectureTest {

    private static final String WORKERS = "io.vidcastx.workers..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vidcastx");
    }

    @Test
    void a_workers_handlers_reach_the_database_only_through_its_repositories() {
        noClasses().that().resideInAPackage(WORKERS).and(not(annotatedWith(Repository.class)))
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "io.vidcastx.db.jooq..")
                .because("a worker's SQL lives in its @Repository classes, as the app's does")
                .check(classes);
    }

    @Test
    void workers_never_depend_on_each_other() {
        slices().matching("io.vidcastx.workers.(*)..").should().notDependOnEachOther()
                .because("what two workers share goes into core")
                .check(classes);
    }

    @Test
    void workers_depend_on_core_and_db_only_never_on_the_app() {
        noClasses().that().resideInAPackage(WORKERS)
                .should().dependOnClassesThat(resideInAnyPackage("io.vidcastx..")
                        .and(not(resideInAnyPackage(WORKERS, "io.vidcastx.core..", "io.vidcastx.db.."))))
                .check(classes);
    }
}

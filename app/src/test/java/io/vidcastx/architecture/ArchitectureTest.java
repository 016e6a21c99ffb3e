package io.vidcastx.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.HashSet;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/**
 * The boundaries of STYLE.md, checked on the compiled app, core and db modules. Roles are found by
 * type, not by name: a repository is a {@code @Repository} class, every interface it implements and
 * every type nested in those; a view is a Vaadin component; a controller carries
 * {@code @Controller} or {@code @RestController}. (Each rule was seen failing once against a class
 * that broke it; the workers' rules are in the launcher module, which sees every worker.)
 */
class ArchitectureTest {

    private static final String[] DATABASE = {"org.jooq..", "io.vidcastx.db.jooq.."};
    /** Core is plumbing below every feature: its queue, event log and transcript stores talk to PostgreSQL themselves. */
    private static final String[] PLUMBING = {"io.vidcastx.core..", "io.vidcastx.db.."};

    private static JavaClasses classes;
    private static DescribedPredicate<JavaClass> repositories;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vidcastx");
        repositories = repositoryTypes(classes);
    }

    /** {@code @Repository} classes, the interfaces they implement, and the types nested in either. */
    static DescribedPredicate<JavaClass> repositoryTypes(JavaClasses classes) {
        Set<String> names = new HashSet<>();
        for (var type : classes) {
            if (type.isAnnotatedWith(Repository.class)) {
                names.add(type.getName());
                type.getAllRawInterfaces().forEach(contract -> names.add(contract.getName()));
            }
        }
        return DescribedPredicate.describe("repository types", type -> names.contains(type.getName())
                || type.getEnclosingClass().map(outer -> names.contains(outer.getName())).orElse(false));
    }

    @Test
    void only_repositories_touch_jooq_in_the_features() {
        noClasses().that().resideOutsideOfPackages(PLUMBING)
                .and(not(annotatedWith(Repository.class)))
                .should().dependOnClassesThat().resideInAnyPackage(DATABASE)
                .because("services, views and controllers reach the database through their feature's repository")
                .check(classes);
    }

    @Test
    void views_never_touch_repositories_or_the_database() {
        noClasses().that(assignableTo(Component.class))
                .should().dependOnClassesThat(repositories)
                .orShould().dependOnClassesThat().resideInAnyPackage(DATABASE)
                .because("views call services, which own transactions and authorisation")
                .check(classes);
    }

    @Test
    void controllers_never_touch_repositories_or_the_database() {
        noClasses().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat(repositories)
                .orShould().dependOnClassesThat().resideInAnyPackage(DATABASE)
                .because("controllers call services, which own transactions and authorisation")
                .check(classes);
    }

    @Test
    void views_and_controllers_never_use_the_unchecked_account_directory() {
        noClasses().that(assignableTo(Component.class))
                .or().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAssignableTo(io.vidcastx.accounts.AccountDirectory.class)
                .because("the directory checks no roles: only services, which check the caller first, may use it")
                .check(classes);
    }

    @Test
    void a_repository_is_used_only_inside_its_own_feature() {
        classes().that().resideOutsideOfPackages(PLUMBING)
                .should(useRepositoriesOfTheirOwnFeatureOnly())
                .check(classes);
    }

    private static ArchCondition<JavaClass> useRepositoriesOfTheirOwnFeatureOnly() {
        return new ArchCondition<>("use repositories of their own feature only") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (var dependency : origin.getDirectDependenciesFromSelf()) {
                    var target = dependency.getTargetClass();
                    if (repositories.test(target) && !feature(target).equals(feature(origin))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code io.vidcastx.<feature>...} -> {@code feature}. */
    private static String feature(JavaClass type) {
        if (!type.getPackageName().startsWith("io.vidcastx.")) {
            return "";
        }
        String rest = type.getPackageName().substring("io.vidcastx.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching("io.vidcastx.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void core_packages_have_no_cycles() {
        slices().matching("io.vidcastx.core.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void core_never_depends_on_a_feature() {
        noClasses().that().resideInAnyPackage(PLUMBING)
                .should().dependOnClassesThat(resideInAnyPackage("io.vidcastx..")
                        .and(not(resideInAnyPackage(PLUMBING))))
                .because("core and db are shared by the app and every worker")
                .check(classes);
    }

    @Test
    void the_app_never_depends_on_a_worker_or_the_launcher() {
        noClasses().that().resideOutsideOfPackages("io.vidcastx.workers..", "io.vidcastx.launcher..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vidcastx.workers..", "io.vidcastx.launcher..")
                .check(classes);
    }
}

package io.circuitos.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The house's rules (docs/architecture.md), checked on every build: each layer imports only the layers
 * below it, engine internals stay in the engine, SQL stays in stores. A rule that fails says where the
 * code belongs. Exceptions that predate a rule are listed in {@code src/test/resources/archunit-frozen}
 * and may only shrink.
 */
@AnalyzeClasses(packages = "io.circuitos", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] LIBRARIES = {"io.circuitos.ml..", "io.circuitos.llm..", "io.circuitos.knowledge..",
            "io.circuitos.customers..", "io.circuitos.mail..", "io.circuitos.notify..", "io.circuitos.drafting.."};
    private static final String[] FEATURES = {"io.circuitos.agents..", "io.circuitos.audit..", "io.circuitos.privacy..",
            "io.circuitos.identity..", "io.circuitos.intake..", "io.circuitos.imports..", "io.circuitos.demo..",
            "io.circuitos.deployments..", "io.circuitos.cases.."};

    @ArchTest
    static final ArchRule layersOnlyLookDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("engine").definedBy("io.circuitos.engine..")
            .layer("web").definedBy("io.circuitos.web..")
            .layer("libraries").definedBy(LIBRARIES)
            .layer("tasks").definedBy("io.circuitos.tasks..")
            .layer("features").definedBy(FEATURES)
            .whereLayer("features").mayNotBeAccessedByAnyLayer()
            .whereLayer("tasks").mayOnlyBeAccessedByLayers("features")
            .whereLayer("libraries").mayOnlyBeAccessedByLayers("tasks", "features")
            .whereLayer("web").mayOnlyBeAccessedByLayers("libraries", "tasks", "features")
            .whereLayer("engine").mayOnlyBeAccessedByLayers("web", "libraries", "tasks", "features")
            .because("a package imports only the layers below it: engine (knows no feature) < web < libraries (ml, llm, knowledge, "
                    + "customers, mail, notify, drafting) < tasks (the generic tasks and their catalogue) < features (agents, audit, "
                    + "intake, …); code that needs something above it belongs in that higher layer (docs/architecture.md)");

    @ArchTest
    static final ArchRule librariesKnowNoDelegate = noClasses().that().resideInAnyPackage(LIBRARIES)
            .should().implement(JavaDelegate.class).orShould().implement(ExecutionListener.class).orShould().implement(TaskListener.class)
            .because("a library is plain code the tasks call; the BPMN-facing part of it is a generic task in io.circuitos.tasks "
                    + "(or an agent's own task under io.circuitos.agents.<agent>)");

    @ArchTest
    static final ArchRule agentsDoNotKnowEachOther = slices().matching("io.circuitos.agents.(*)..").should().notDependOnEachOther()
            .because("each agent is its own folder; what two agents share is a generic task or a library");

    @ArchTest
    static final ArchRule featuresDoNotKnowAgents = noClasses().that().resideInAnyPackage("io.circuitos.audit..", "io.circuitos.privacy..",
                    "io.circuitos.identity..", "io.circuitos.intake..", "io.circuitos.imports..", "io.circuitos.demo..",
                    "io.circuitos.deployments..", "io.circuitos.cases..")
            .should().dependOnClassesThat().resideInAPackage("io.circuitos.agents..")
            .because("platform features serve every agent; an agent declares a capability (an interface of the feature) and the "
                    + "feature asks every agent that declares it");

    @ArchTest
    static final ArchRule engineInternalsStayInTheEngine = FreezingArchRule.freeze(noClasses()
            .that().resideOutsideOfPackage("io.circuitos.engine..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..impl..")
            .because("Camunda's impl packages change between releases and forks (Operaton, docs/decisions/0015): wrap what you "
                    + "need in io.circuitos.engine and use that"));

    @ArchTest
    static final ArchRule sqlOnlyInStores = FreezingArchRule.freeze(noClasses()
            .that().haveSimpleNameNotEndingWith("Store")
            .should().accessClassesThat().areAssignableTo(JdbcOperations.class)
            .orShould().accessClassesThat().areAssignableTo(JdbcClient.class)
            .because("every table has one owner: its store (a class named …Store in the owning package) runs its SQL, and "
                    + "the others ask the store"));
}

package org.featureworkbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {
    // Plain @Test methods rather than @ArchTest fields: surefire's -Dtest filter and the IDEs
    // then run them like every other test.
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Any ".../test-classes/" folder, not only target's: a build folder may be -Dfwb.buildDir=target-x.
        ImportOption noTests = location -> !location.contains("/test-classes/");
        classes = new ClassFileImporter().withImportOption(noTests).importPackages("org.featureworkbench");
    }

    @Test
    void onlyUiUsesJavaFx() {
        ONLY_UI_USES_JAVAFX.check(classes);
    }

    @Test
    void modelDependsOnNothingOfOurs() {
        MODEL_IS_PURE.check(classes);
    }

    @Test
    void storesDoNotReachUp() {
        STORES_DO_NOT_REACH_UP.check(classes);
    }

    @Test
    void frontEndsGoThroughTheFacade() {
        FRONT_ENDS_USE_THE_FACADE.check(classes);
    }

    @Test
    void cliAndUiAreIndependent() {
        CLI_AND_UI_INDEPENDENT.check(classes);
    }

    static final ArchRule ONLY_UI_USES_JAVAFX = noClasses().that().resideOutsideOfPackage("org.featureworkbench.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.fxmisc..",
                    "org.reactfx..")
            .because("only the ui package may use JavaFX, ControlsFX or RichTextFX");

    static final ArchRule MODEL_IS_PURE = noClasses().that().resideInAPackage("org.featureworkbench.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.featureworkbench.registry..",
                    "org.featureworkbench.online..", "org.featureworkbench.offline..", "org.featureworkbench.ingest..",
                    "org.featureworkbench.query..", "org.featureworkbench.core..", "org.featureworkbench.workspace..",
                    "org.featureworkbench.cli..", "org.featureworkbench.ui..", "org.featureworkbench.json..")
            .because("model holds pure types that every layer shares");

    static final ArchRule STORES_DO_NOT_REACH_UP = noClasses().that().resideInAnyPackage("org.featureworkbench.registry..",
                    "org.featureworkbench.online..", "org.featureworkbench.offline..", "org.featureworkbench.ingest..",
                    "org.featureworkbench.query..", "org.featureworkbench.writepath..")
            .should().dependOnClassesThat().resideInAnyPackage("org.featureworkbench.core..",
                    "org.featureworkbench.cli..", "org.featureworkbench.ui..", "org.featureworkbench.workspace..")
            .because("the store services sit below the FeatureStore facade");

    static final ArchRule FRONT_ENDS_USE_THE_FACADE = noClasses().that().resideInAnyPackage("org.featureworkbench.cli..",
                    "org.featureworkbench.ui..", "org.featureworkbench.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.featureworkbench.registry..",
                    "org.featureworkbench.online..", "org.featureworkbench.offline..", "org.featureworkbench.ingest..",
                    "org.featureworkbench.writepath..")
            .orShould().dependOnClassesThat().haveSimpleNameStartingWith("DuckDb")
            .because("GUI, CLI and API reach the stores only through the FeatureStore facade; of the query package "
                    + "they use the values the facade's query() takes and returns (results, options, time travel), "
                    + "never the engine")
            .allowEmptyShould(true);

    static final ArchRule CLI_AND_UI_INDEPENDENT = noClasses().that().resideInAPackage("org.featureworkbench.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.featureworkbench.ui..")
            .allowEmptyShould(true);
}

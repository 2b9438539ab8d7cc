package org.featureworkbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of docs/architecture.md, checked on the compiled classes. */
@AnalyzeClasses(packages = "org.featureworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses().that().resideOutsideOfPackage("org.featureworkbench.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("only the ui package may use JavaFX or ControlsFX");

    @ArchTest
    static final ArchRule modelDependsOnNothingOfOurs = noClasses().that().resideInAPackage("org.featureworkbench.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.featureworkbench.registry..",
                    "org.featureworkbench.online..", "org.featureworkbench.offline..", "org.featureworkbench.ingest..",
                    "org.featureworkbench.query..", "org.featureworkbench.core..", "org.featureworkbench.workspace..",
                    "org.featureworkbench.cli..", "org.featureworkbench.ui..", "org.featureworkbench.json..")
            .because("model holds pure types that every layer shares");

    @ArchTest
    static final ArchRule storesDoNotReachUp = noClasses().that().resideInAnyPackage("org.featureworkbench.registry..",
                    "org.featureworkbench.online..", "org.featureworkbench.offline..", "org.featureworkbench.ingest..",
                    "org.featureworkbench.query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.featureworkbench.core..",
                    "org.featureworkbench.cli..", "org.featureworkbench.ui..", "org.featureworkbench.workspace..")
            .because("the store services sit below the FeatureStore facade");

    @ArchTest
    static final ArchRule frontEndsGoThroughTheFacade = noClasses().that().resideInAnyPackage("org.featureworkbench.cli..",
                    "org.featureworkbench.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.featureworkbench.registry..",
                    "org.featureworkbench.online..", "org.featureworkbench.offline..", "org.featureworkbench.ingest..",
                    "org.featureworkbench.query..")
            .because("GUI and CLI reach the stores only through the FeatureStore facade");

    @ArchTest
    static final ArchRule cliAndUiAreIndependent = noClasses().that().resideInAPackage("org.featureworkbench.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.featureworkbench.ui..");
}

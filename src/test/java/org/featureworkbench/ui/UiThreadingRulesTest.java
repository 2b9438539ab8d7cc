package org.featureworkbench.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import javafx.application.Platform;
import org.featureworkbench.ui.task.FxTaskExecutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The GUI's MVVM and threading rules (STYLE.md), checked on the compiled classes. */
class UiThreadingRulesTest {
    private static JavaClasses ui;

    @BeforeAll
    static void importClasses() {
        // ArchUnit knows test classes by Maven's default folder (target/test-classes); a build with
        // -Dfwb.buildDir keeps them in <dir>/test-classes, so the folder name decides here.
        ui = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("org.featureworkbench.ui");
    }

    @Test
    void onlyTheFxTaskExecutorHopsToTheFxThread() {
        noClasses().that().doNotHaveFullyQualifiedName(FxTaskExecutor.class.getName())
                .should().callMethod(Platform.class, "runLater", Runnable.class)
                .because("background work reaches the UI through the TaskExecutor seam only")
                .check(ui);
    }

    @Test
    void viewModelsHoldNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..")
                .because("view models are tested without a window; views bind to them")
                .check(ui);
    }
}

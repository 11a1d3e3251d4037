package dev.snapdeck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the rooms of DESIGN.md apart. The root package {@code dev.snapdeck} (entry point, data
 * folder, version) is open to every room.
 */
@AnalyzeClasses(packages = "dev.snapdeck", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String API = "dev.snapdeck.api..";
    private static final String RUNCONFIG = "dev.snapdeck.runconfig..";
    private static final String SERVICE = "dev.snapdeck.service..";
    private static final String UI = "dev.snapdeck.ui..";
    private static final String SERVER = "dev.snapdeck.server..";
    private static final String CLI = "dev.snapdeck.cli..";

    @ArchTest
    static final ArchRule apiImportsNothingOfOurs = noClasses().that().resideInAPackage(API)
            .should().dependOnClassesThat()
            .resideInAnyPackage(RUNCONFIG, SERVICE, UI, SERVER, CLI);

    @ArchTest
    static final ArchRule runconfigImportsNothingOfOurs = noClasses().that()
            .resideInAPackage(RUNCONFIG)
            .should().dependOnClassesThat().resideInAnyPackage(API, SERVICE, UI, SERVER, CLI);

    @ArchTest
    static final ArchRule serviceSeesOnlyApiAndRunconfig = noClasses().that()
            .resideInAPackage(SERVICE)
            .should().dependOnClassesThat().resideInAnyPackage(UI, SERVER, CLI);

    @ArchTest
    static final ArchRule uiSeesOnlyServiceAndRunconfig = noClasses().that().resideInAPackage(UI)
            .should().dependOnClassesThat().resideInAnyPackage(SERVER, CLI, "okhttp3..");

    /**
     * Deliberate exception to DESIGN.md's table: the service layer hands out the client's records
     * (runs, snapshots, pages, errors) as they are instead of copying each into a twin type, so
     * the UI may read those value types. It may never call the server itself.
     */
    @ArchTest
    static final ArchRule uiNeverCallsTheServerDirectly = noClasses().that().resideInAPackage(UI)
            .should().dependOnClassesThat().haveFullyQualifiedName(
                    "dev.snapdeck.api.ZenmlClient")
            .orShould().dependOnClassesThat().haveFullyQualifiedName(
                    "dev.snapdeck.api.ZenmlClient$Builder");

    @ArchTest
    static final ArchRule serverSeesOnlyApiAndRunconfig = noClasses().that()
            .resideInAPackage(SERVER)
            .should().dependOnClassesThat().resideInAnyPackage(SERVICE, UI, CLI);

    @ArchTest
    static final ArchRule cliSeesNoUi = noClasses().that().resideInAPackage(CLI)
            .should().dependOnClassesThat().resideInAnyPackage(UI);

    @ArchTest
    static final ArchRule nothingBelowTheUiTouchesJavafx = noClasses().that()
            .resideInAnyPackage(API, RUNCONFIG, SERVICE, SERVER, CLI)
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule viewModelsDoNotTouchScenes = noClasses().that()
            .haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..");

    @ArchTest
    static final ArchRule onlyTheCliWritesToTheConsole = noClasses().that()
            .resideOutsideOfPackages(CLI)
            .and().doNotHaveFullyQualifiedName(Main.class.getName())
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace");

    /**
     * Snapdeck logs through SLF4J only. The one exception: the dashboard's launcher filters
     * JavaFX's own java.util.logging logger (JavaFX logs there), dropping a single warning.
     */
    @ArchTest
    static final ArchRule loggingGoesThroughSlf4j = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.snapdeck.ui.shell.DashboardLauncher")
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..",
                    "org.apache.log4j..", "org.apache.logging.log4j..");
}

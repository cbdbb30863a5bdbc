package vn.htxconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.Options;

/**
 * Modules talk only through each other's top-level API, never through internal packages, and form no
 * cycles. The same model writes the module documentation (a component diagram of all modules, one diagram
 * and one canvas per module, PlantUML and AsciiDoc) into {@code docs/modules/} on every run, so what is
 * committed there is what the code is.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(HtxConnectApplication.class);
    static final Path DOCS = Path.of("docs", "modules");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws Exception {
        new Documenter(MODULES, Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();
        String overview = Files.readString(DOCS.resolve("components.puml"));
        for (ApplicationModule module : MODULES) {
            assertThat(overview).as("the component diagram shows every module").contains(module.getDisplayName());
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".puml")).as("a diagram per module").exists();
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".adoc")).as("a canvas per module").exists();
        }
    }
}

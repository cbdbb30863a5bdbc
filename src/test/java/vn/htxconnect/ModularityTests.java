package vn.htxconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path puml : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                sortRelations(puml);
            }
        }
        String overview = Files.readString(DOCS.resolve("components.puml"));
        for (ApplicationModule module : MODULES) {
            assertThat(overview).as("the component diagram shows every module").contains(module.getDisplayName());
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".puml")).as("a diagram per module").exists();
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".adoc")).as("a canvas per module").exists();
        }
    }

    /**
     * The documenter lists a diagram's relations in an order that changes from run to run; sorted, the
     * committed files change only when the modules do. PlantUML does not depend on their order.
     */
    private static void sortRelations(Path puml) throws IOException {
        List<String> lines = Files.readAllLines(puml);
        List<String> relations = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
        if (relations.isEmpty()) {
            return;
        }
        List<String> sorted = new ArrayList<>();
        boolean placed = false;
        for (String line : lines) {
            if (!line.startsWith("Rel(")) {
                sorted.add(line);
            } else if (!placed) {
                sorted.addAll(relations);
                placed = true;
            }
        }
        Files.write(puml, sorted);
    }
}

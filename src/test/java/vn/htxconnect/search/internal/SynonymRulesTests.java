package vn.htxconnect.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SynonymRulesTests {

    @Test
    void loadsTheRuleFileFromTheClasspath() {
        SynonymRules rules = SynonymRules.fromClasspath();

        assertThat(rules.size()).isGreaterThan(50);
        assertThat(rules.equivalentsOf("heo")).containsExactly("lợn");
    }

    @Test
    void classpathCopyMatchesTheFileInTheRepository() throws IOException {
        Path file = Path.of("search-config/synonyms/vi-regional.txt");
        try (InputStream in = Files.newInputStream(file)) {
            SynonymRules fromFile = SynonymRules.parse(in, file.toString());
            assertThat(fromFile.size()).isEqualTo(SynonymRules.fromClasspath().size());
        }
    }

    @Test
    void parsesGroupsOneWayRulesAndProtectedPhrases() {
        SynonymRules rules = SynonymRules.parse("""
                # comment line
                \uFEFFLợn, Heo        # trailing comment, mixed case
                roi => mận
                lá dứa => lá dứa
                =dứa, khóm
                """);

        assertThat(rules.equivalentsOf("lợn")).containsExactly("heo");
        assertThat(rules.equivalentsOf("HEO")).containsExactly("lợn");
        assertThat(rules.equivalentsOf("roi")).containsExactly("mận");
        assertThat(rules.equivalentsOf("mận")).isEmpty();
        assertThat(rules.equivalentsOf("lá dứa")).isEmpty();
        assertThat(rules.equivalentsOf("dứa")).containsExactly("khóm");
        assertThat(rules.size()).isEqualTo(6);
        assertThat(rules.lookup("dua")).singleElement().satisfies(entry -> {
            assertThat(entry.term()).isEqualTo("dứa");
            assertThat(entry.exactOnly()).isTrue();
        });
    }

    @Test
    void mergesATermThatAppearsInSeveralRules() {
        SynonymRules rules = SynonymRules.parse("""
                lá dứa => lá dứa
                lá dứa, lá nếp
                """);

        assertThat(rules.equivalentsOf("lá dứa")).containsExactly("lá nếp");
    }

    @Test
    void readsUtf8Streams() {
        byte[] bytes = "ngô, bắp\n".getBytes(StandardCharsets.UTF_8);
        SynonymRules rules = SynonymRules.parse(new ByteArrayInputStream(bytes), "test.txt");

        assertThat(rules.equivalentsOf("bắp")).containsExactly("ngô");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            lợn                       | a group needs at least two terms
            lợn, , heo                | empty term
            lợn, heo,                 | empty term
            => mận                    | left side is empty
            roi =>                    | right side is empty
            a => b => c               | more than one '=>'
            tp.hcm, sài gòn           | may contain only letters, digits and spaces
            heo, lợn, heo             | appears twice
            roi => =mận               | only applies to terms that are matched
            =, heo                    | empty term
            """)
    void rejectsMalformedLinesWithTheirLineNumber(String line, String message) {
        String text = "# header\nngô, bắp\n\n" + line + "\n";

        assertThatIllegalArgumentException()
                .isThrownBy(() -> SynonymRules.parse(text))
                .withMessageStartingWith("<string> line 4: ")
                .withMessageContaining(message);
    }

    @Test
    void rejectsInconsistentExactMarking() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SynonymRules.parse("=mè, vừng\nmè => mè\n"))
                .withMessageStartingWith("<string> line 2: ")
                .withMessageContaining("line 1");
    }
}

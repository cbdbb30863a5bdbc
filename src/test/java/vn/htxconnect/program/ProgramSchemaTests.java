package vn.htxconnect.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

/** The program SDL (trade events, participants, leads, outcomes) describes every type, field, argument, input field and enum value. */
class ProgramSchemaTests {

    @Test
    void describesEverything() throws IOException {
        String sdl;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("graphql/program.graphqls")) {
            assertThat(in).as("schema copied to classpath:graphql/").isNotNull();
            sdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
        List<String> undescribed = new ArrayList<>();
        registry.objectTypeExtensions().forEach((name, extensions) ->
                extensions.forEach(ext -> fields(name, ext.getFieldDefinitions(), undescribed)));
        registry.types().values().forEach(type -> {
            if (type instanceof ObjectTypeDefinition object) {
                check(type.getName(), object.getDescription(), undescribed);
                fields(type.getName(), object.getFieldDefinitions(), undescribed);
            } else if (type instanceof InputObjectTypeDefinition input) {
                check(type.getName(), input.getDescription(), undescribed);
                input.getInputValueDefinitions().forEach(v ->
                        check(type.getName() + "." + v.getName(), v.getDescription(), undescribed));
            } else if (type instanceof EnumTypeDefinition enumType) {
                check(type.getName(), enumType.getDescription(), undescribed);
                enumType.getEnumValueDefinitions()
                        .forEach(v -> check(type.getName() + "." + v.getName(), v.getDescription(), undescribed));
            }
        });
        assertThat(undescribed).isEmpty();
        assertThat(registry.getType("TradeEventOutcomes")).isPresent();
    }

    private static void fields(String owner, List<FieldDefinition> fields, List<String> undescribed) {
        for (FieldDefinition field : fields) {
            check(owner + "." + field.getName(), field.getDescription(), undescribed);
            field.getInputValueDefinitions().forEach(arg ->
                    check(owner + "." + field.getName() + "(" + arg.getName() + ")", arg.getDescription(), undescribed));
        }
    }

    private static void check(String what, Description description, List<String> undescribed) {
        if (description == null || description.getContent().isBlank()) {
            undescribed.add(what);
        }
    }
}

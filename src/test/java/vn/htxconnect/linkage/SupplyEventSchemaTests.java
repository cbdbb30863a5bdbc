package vn.htxconnect.linkage;

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
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

/** The linkage SDL (supply events and traces included) describes every type, field, argument, input field and enum value. */
class SupplyEventSchemaTests {

    @Test
    void describesEverything() throws IOException {
        TypeDefinitionRegistry registry;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("graphql/linkage.graphqls")) {
            assertThat(in).as("schema copied to classpath:graphql/").isNotNull();
            registry = new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<String> undescribed = new ArrayList<>();
        List<Object> all = new ArrayList<>(registry.types().values());
        registry.objectTypeExtensions().values().forEach(all::addAll);
        for (Object type : all) {
            if (type instanceof ObjectTypeDefinition object) {
                boolean extension = registry.objectTypeExtensions().getOrDefault(object.getName(), List.of()).contains(object);
                if (!extension) {
                    check(object.getName(), object.getDescription(), undescribed);
                }
                for (FieldDefinition field : object.getFieldDefinitions()) {
                    check(object.getName() + "." + field.getName(), field.getDescription(), undescribed);
                    inputs(object.getName() + "." + field.getName(), field.getInputValueDefinitions(), undescribed);
                }
            } else if (type instanceof InputObjectTypeDefinition input) {
                check(input.getName(), input.getDescription(), undescribed);
                inputs(input.getName(), input.getInputValueDefinitions(), undescribed);
            } else if (type instanceof EnumTypeDefinition enumType) {
                check(enumType.getName(), enumType.getDescription(), undescribed);
                enumType.getEnumValueDefinitions().forEach(v -> check(enumType.getName() + "." + v.getName(), v.getDescription(), undescribed));
            }
        }
        assertThat(undescribed).isEmpty();
        assertThat(registry.getType("SupplyEvent")).isPresent();
        assertThat(registry.getType("LotTrace")).isPresent();
    }

    private static void inputs(String owner, List<InputValueDefinition> values, List<String> undescribed) {
        values.forEach(v -> check(owner + "(" + v.getName() + ")", v.getDescription(), undescribed));
    }

    private static void check(String what, Description description, List<String> undescribed) {
        if (description == null || description.getContent().isBlank()) {
            undescribed.add(what);
        }
    }
}

package vn.htxconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The schema is the partners' manual: every module's SDL describes every type, field, argument, input
 * field and enum value (one case per file, so a new module is checked as soon as its schema exists).
 */
class SchemaDescriptionTests {

    static Stream<String> schemaFiles() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls");
        assertThat(files).as("schema copied to classpath:graphql/").isNotEmpty();
        return Arrays.stream(files).map(Resource::getFilename).sorted();
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void describesEverything(String file) throws IOException {
        String sdl;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("graphql/" + file)) {
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
        assertThat(undescribed).as(file).isEmpty();
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

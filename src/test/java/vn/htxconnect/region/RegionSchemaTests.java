package vn.htxconnect.region;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The SDL is the partners' manual: it must parse, describe everything and match the records. */
class RegionSchemaTests {

    private static final TypeDefinitionRegistry registry = parse();

    private static TypeDefinitionRegistry parse() {
        // The root Query type lives in another module's file; stand in for it here.
        try (InputStream in = RegionSchemaTests.class.getClassLoader().getResourceAsStream("graphql/region.graphqls")) {
            assertThat(in).as("schema copied to classpath:graphql/").isNotNull();
            String sdl = "type Query { _root: Boolean }\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new SchemaParser().parse(sdl);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void buildsAnExecutableSchema() {
        var schema = new SchemaGenerator().makeExecutableSchema(registry, RuntimeWiring.newRuntimeWiring().build());
        assertThat(schema.getQueryType().getFieldDefinition("province").getArgument("code")).isNotNull();
        assertThat(schema.getQueryType().getFieldDefinition("provinces")).isNotNull();
    }

    @Test
    void describesEveryTypeFieldArgumentAndEnumValue() {
        List<String> undescribed = new ArrayList<>();
        registry.objectTypeExtensions().get("Query").forEach(ext -> checkFields("Query", ext.getFieldDefinitions(), undescribed));
        registry.types().values().forEach(type -> {
            if (type.getName().equals("Query")) {
                return;
            }
            if (type instanceof ObjectTypeDefinition object) {
                check(type.getName(), object.getDescription(), undescribed);
                checkFields(type.getName(), object.getFieldDefinitions(), undescribed);
            } else if (type instanceof EnumTypeDefinition enumType) {
                check(type.getName(), enumType.getDescription(), undescribed);
                enumType.getEnumValueDefinitions()
                        .forEach(v -> check(type.getName() + "." + v.getName(), v.getDescription(), undescribed));
            }
        });
        assertThat(undescribed).isEmpty();
    }

    private static void checkFields(String owner, List<FieldDefinition> fields, List<String> undescribed) {
        for (FieldDefinition field : fields) {
            check(owner + "." + field.getName(), field.getDescription(), undescribed);
            field.getInputValueDefinitions().forEach(arg ->
                    check(owner + "." + field.getName() + "(" + arg.getName() + ")", arg.getDescription(), undescribed));
        }
    }

    private static void check(String what, @Nullable Description description, List<String> undescribed) {
        if (description == null || description.getContent().isBlank()) {
            undescribed.add(what);
        }
    }

    @Test
    void objectTypesMatchTheRecordsSpringMapsThemFrom() {
        Map<String, Class<?>> records = Map.of(
                "Province", Province.class, "LegacyProvince", LegacyProvince.class, "GeoPoint", GeoPoint.class);
        records.forEach((typeName, type) -> {
            var fields = registry.getTypeOrNull(typeName, ObjectTypeDefinition.class).getFieldDefinitions()
                    .stream().map(FieldDefinition::getName).toList();
            var components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
            assertThat(components).as(typeName).containsAll(fields);
        });
        assertEnumMatches("ProvinceKind", ProvinceKind.values());
        assertEnumMatches("EconomicRegion", EconomicRegion.values());
    }

    private static void assertEnumMatches(String name, Enum<?>[] values) {
        var sdlValues = registry.getTypeOrNull(name, EnumTypeDefinition.class).getEnumValueDefinitions()
                .stream().map(v -> v.getName()).toList();
        assertThat(sdlValues).containsExactlyElementsOf(Arrays.stream(values).map(Enum::name).toList());
    }
}

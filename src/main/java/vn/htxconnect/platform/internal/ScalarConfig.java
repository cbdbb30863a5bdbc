package vn.htxconnect.platform.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Custom scalars: DateTime (ISO-8601 with offset), Date (ISO-8601 date), VND (whole đồng). A DateTime
 * argument arrives as the {@link OffsetDateTime} the client wrote, so code that must keep the sender's
 * offset (supply events) can; arguments declared as {@link Instant} are converted by the argument binder.
 */
@Configuration(proxyBeanMethods = false)
class ScalarConfig {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring
                .scalar(stringScalar("DateTime", "An instant as ISO-8601 with offset, e.g. 2026-11-27T10:15:30+07:00",
                        ScalarConfig::formatInstant, OffsetDateTime::parse))
                .scalar(stringScalar("Date", "A calendar date as ISO-8601, e.g. 2027-06-30",
                        v -> v.toString(), LocalDate::parse))
                .scalar(vnd());
    }

    private static String formatInstant(Object value) {
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC).toString();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toString();
        }
        throw new CoercingSerializeException("Not a date-time: " + value.getClass().getSimpleName());
    }

    private static GraphQLScalarType stringScalar(String name, String description, Function<Object, String> format,
                                                  Function<String, Object> parse) {
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(new Coercing<Object, String>() {
            @Override
            public String serialize(Object value, GraphQLContext ctx, Locale locale) {
                return format.apply(value);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext ctx, Locale locale) {
                if (!(input instanceof String s)) {
                    throw new CoercingParseValueException(name + " must be a string");
                }
                try {
                    return parse.apply(s);
                } catch (DateTimeParseException e) {
                    throw new CoercingParseValueException("Invalid " + name + ": " + s);
                }
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables vars, GraphQLContext ctx, Locale locale) {
                if (!(input instanceof StringValue s)) {
                    throw new CoercingParseLiteralException(name + " must be a string");
                }
                try {
                    return parse.apply(s.getValue());
                } catch (DateTimeParseException e) {
                    throw new CoercingParseLiteralException("Invalid " + name + ": " + s.getValue());
                }
            }
        }).build();
    }

    private static GraphQLScalarType vnd() {
        return GraphQLScalarType.newScalar().name("VND")
                .description("An amount of Vietnamese đồng as a whole number (64-bit)")
                .coercing(new Coercing<Long, Long>() {
                    @Override
                    public Long serialize(Object value, GraphQLContext ctx, Locale locale) {
                        if (value instanceof Number n) {
                            return n.longValue();
                        }
                        throw new CoercingSerializeException("Not an amount");
                    }

                    @Override
                    public Long parseValue(Object input, GraphQLContext ctx, Locale locale) {
                        if (input instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                            return n.longValue();
                        }
                        throw new CoercingParseValueException("VND must be a whole number of đồng");
                    }

                    @Override
                    public Long parseLiteral(Value<?> input, CoercedVariables vars, GraphQLContext ctx, Locale locale) {
                        if (input instanceof IntValue i) {
                            try {
                                return i.getValue().longValueExact();
                            } catch (ArithmeticException e) {
                                throw new CoercingParseLiteralException("VND amount out of range");
                            }
                        }
                        throw new CoercingParseLiteralException("VND must be a whole number of đồng");
                    }
                }).build();
    }
}

package vn.htxconnect.platform.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.GlobalId;

/**
 * Writes an audit row for every mutation field: who (user or API key), which organization, the
 * operation, its target, when, and the outcome (OK, REJECTED with user errors, or the error code).
 */
@Component
class AuditInstrumentation extends SimplePerformantInstrumentation {

    private static final Logger log = LoggerFactory.getLogger(AuditInstrumentation.class);
    static final String ACTOR = "auditActor";

    private final JdbcTemplate jdbc;

    AuditInstrumentation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static final class State implements InstrumentationState {
        final Map<String, Map<String, Object>> inputs = new ConcurrentHashMap<>();
        volatile boolean mutation;
        volatile List<String> rootFields = List.of();
    }

    @Override
    public graphql.execution.instrumentation.InstrumentationContext<ExecutionResult> beginExecuteOperation(
            graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        if (state instanceof State s) {
            OperationDefinition op = parameters.getExecutionContext().getOperationDefinition();
            s.mutation = op.getOperation() == OperationDefinition.Operation.MUTATION;
            s.rootFields = op.getSelectionSet().getSelectionsOfType(graphql.language.Field.class).stream()
                    .map(f -> f.getAlias() != null ? f.getAlias() : f.getName()).toList();
        }
        return super.beginExecuteOperation(parameters, state);
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new State();
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        var info = parameters.getExecutionStepInfo();
        if (info.getPath().getLevel() != 1 || !(state instanceof State s)) {
            return dataFetcher;
        }
        return env -> {
            if (s.mutation && env.getArgument("input") instanceof Map<?, ?> input) {
                @SuppressWarnings("unchecked")
                Map<String, Object> copy = (Map<String, Object>) input;
                s.inputs.put(env.getExecutionStepInfo().getResultKey(), copy);
            }
            return dataFetcher.get(env);
        };
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        if (!(state instanceof State s)) {
            return CompletableFuture.completedFuture(result);
        }
        Actor actor = parameters.getGraphQLContext().get(ACTOR);
        Object data = result.getData();
        if (!s.mutation) {
            return CompletableFuture.completedFuture(result);
        }
        // Refused before execution (e.g. an API key writing): no data, but the attempt is recorded.
        Map<?, ?> fields = data instanceof Map<?, ?> m ? m : s.rootFields.stream()
                .collect(Collectors.toMap(f -> f, f -> "", (a, b) -> a, LinkedHashMap::new));
        List<Object[]> rows = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.startsWith("__")) {
                continue;
            }
            Map<String, Object> input = s.inputs.getOrDefault(key, Map.of());
            String outcome = outcome(key, e.getValue(), result.getErrors());
            String target = firstId(input.get("id"), e.getValue());
            Long org = organizationOf(input, target);
            rows.add(new Object[] {now, actor == null ? "anonymous" : actor.principalKey(),
                    actor == null ? null : actor.userId(), actor == null ? null : actor.apiKeyId(), org,
                    key, target, outcome});
        }
        try {
            jdbc.batchUpdate("""
                    INSERT INTO audit_log (at, actor, user_id, api_key_id, organization_id, operation, target, outcome)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        } catch (RuntimeException ex) {
            log.error("Could not write {} audit rows", rows.size(), ex);
        }
        return CompletableFuture.completedFuture(result);
    }

    private static String outcome(String field, Object value, List<GraphQLError> errors) {
        if ("".equals(value) && !errors.isEmpty()) {
            Object code = errors.getFirst().getExtensions() == null ? null : errors.getFirst().getExtensions().get("code");
            return code == null ? "ERROR" : code.toString();
        }
        for (GraphQLError err : errors) {
            if (err.getPath() != null && !err.getPath().isEmpty() && field.equals(String.valueOf(err.getPath().getFirst()))) {
                Object code = err.getExtensions() == null ? null : err.getExtensions().get("code");
                return code == null ? "ERROR" : code.toString();
            }
        }
        if (value instanceof Map<?, ?> payload && payload.get("errors") instanceof List<?> list && !list.isEmpty()) {
            return "REJECTED";
        }
        return value == null ? "ERROR" : "OK";
    }

    /** The input's ID, else the first object ID in the payload. */
    private static String firstId(Object inputId, Object payload) {
        if (inputId != null) {
            return clip(inputId.toString());
        }
        if (payload instanceof Map<?, ?> map) {
            for (Object v : map.values()) {
                if (v instanceof Map<?, ?> obj && obj.get("id") instanceof String id) {
                    return clip(id);
                }
            }
        }
        return null;
    }

    private static Long organizationOf(Map<String, Object> input, String target) {
        Object org = input.get("organizationId");
        String id = org != null ? org.toString() : target;
        if (id == null) {
            return null;
        }
        try {
            GlobalId gid = GlobalId.decode("id", id);
            return gid.type().equals("Organization") ? gid.id() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String clip(String s) {
        return s.length() > 120 ? s.substring(0, 120) : s;
    }
}

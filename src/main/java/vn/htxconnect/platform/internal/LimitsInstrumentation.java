package vn.htxconnect.platform.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.Message;

/**
 * Refuses writes with API keys, and enforces the depth limit, the calculated cost (per query and against the caller's leaky-bucket budget), the alias
 * limit and the time limit, and reports {@code extensions.cost} with every answer. A subscription is
 * charged once, when it starts (its events are not timed, charged or refunded again).
 */
@Component
class LimitsInstrumentation extends SimplePerformantInstrumentation {

    static final String CALLER = "limitsCaller";

    private final LimitsProperties limits;
    private final RateBudgets budgets;
    private final MeterRegistry meters;

    LimitsInstrumentation(LimitsProperties limits, RateBudgets budgets, MeterRegistry meters) {
        this.limits = limits;
        this.budgets = budgets;
        this.meters = meters;
    }

    /**
     * {@code htx.graphql.refused}: requests answered with a refusal before running, by reason (rate: the caller's
     * budget is spent, RATE_LIMITED; depth, cost, aliases: the query is too big; apiKeyWrite: a key tried a mutation).
     */
    private void refused(String reason) {
        meters.counter("htx.graphql.refused", "reason", reason).increment();
    }

    static final class State implements InstrumentationState {
        final long started = System.nanoTime();
        String caller;
        long requested;
        long remaining = -1;
        boolean charged;
        /** A subscription runs its selection again for every event, long after it started, with this state. */
        boolean subscription;
        /** The refund is made once: subscription events come back through instrumentExecutionResult too. */
        boolean settled;
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new State();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        State s = (State) state;
        ExecutionContext ctx = parameters.getExecutionContext();
        OperationDefinition op = ctx.getOperationDefinition();
        s.subscription = op.getOperation() == OperationDefinition.Operation.SUBSCRIPTION;
        // Partners' keys read; every write is made by a signed-in person, who answers for it in the audit log.
        if (op.getOperation() == OperationDefinition.Operation.MUTATION
                && ctx.getGraphQLContext().get(AuditInstrumentation.ACTOR) instanceof Actor a
                && a.kind() == Actor.Kind.API_KEY) {
            refused("apiKeyWrite");
            throw abort(ErrorCode.FORBIDDEN, Message.of("limits.apiKeyReadOnly"), Map.of());
        }
        QueryCost cost = QueryCost.of(op.getSelectionSet(), ctx.getFragmentsByName(), ctx.getCoercedVariables().toMap());
        s.requested = cost.cost();
        if (cost.depth() > limits.maxDepth()) {
            refused("depth");
            throw abort(ErrorCode.BAD_REQUEST, Message.of("graphql.depth", cost.depth(), limits.maxDepth()), Map.of());
        }
        if (cost.aliases() > limits.maxAliases()) {
            refused("aliases");
            throw abort(ErrorCode.BAD_REQUEST, Message.of("limits.aliases", cost.aliases(), limits.maxAliases()), Map.of());
        }
        if (s.requested > limits.maxCost()) {
            refused("cost");
            throw abort(ErrorCode.BAD_REQUEST, Message.of("limits.cost",
                            s.requested == Long.MAX_VALUE ? "too many" : s.requested, limits.maxCost()),
                    Map.of("cost", Map.of("requested", s.requested, "limit", limits.maxCost())));
        }
        Object caller = ctx.getGraphQLContext().get(CALLER);
        s.caller = caller == null ? "unknown" : caller.toString();
        RateBudgets.Result r = budgets.take(s.caller, s.requested);
        s.remaining = r.remaining();
        if (!r.granted()) {
            refused("rate");
            throw abort(ErrorCode.RATE_LIMITED, Message.of("limits.rate",
                            s.requested, r.remaining(), r.retryAfterSeconds()),
                    Map.of("retryAfterSeconds", r.retryAfterSeconds(),
                            "cost", Map.of("requested", s.requested, "remaining", r.remaining())));
        }
        s.charged = true;
        return super.beginExecuteOperation(parameters, state);
    }

    private static AbortExecutionException abort(ErrorCode code, Message message, Map<String, Object> extra) {
        Map<String, Object> ext = new LinkedHashMap<>(extra);
        ext.put("code", code.name());
        GraphQLError error = new KeyedError(GraphqlErrorBuilder.newError().message(message.toString()).extensions(ext).build(),
                message);
        return new AbortExecutionException(List.of(error));
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        State s = (State) state;
        // The time limit is for answering a request; a subscription's events come whenever they happen.
        if (parameters.isTrivialDataFetcher() || s == null || s.subscription) {
            return dataFetcher;
        }
        return env -> {
            if (System.nanoTime() - s.started > limits.timeout().toNanos()) {
                throw new ApiException(ErrorCode.BAD_REQUEST, Message.of("limits.timeout", limits.timeout().toSeconds()));
            }
            return dataFetcher.get(env);
        };
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        State s = (State) state;
        if (s == null || !s.charged || s.settled) {
            return CompletableFuture.completedFuture(result);
        }
        s.settled = true;
        // A subscription's data is still to come: it keeps its whole charge.
        long actual = s.subscription ? s.requested : Math.min(s.requested, 1 + nodes(result.getData()));
        budgets.refund(s.caller, s.requested - actual);
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requested", s.requested);
        cost.put("actual", actual);
        cost.put("remaining", Math.min(limits.budget(), s.remaining + (s.requested - actual)));
        cost.put("limit", limits.maxCost());
        cost.put("budget", limits.budget());
        Map<Object, Object> extensions = new LinkedHashMap<>(result.getExtensions() == null ? Map.of() : result.getExtensions());
        extensions.put("cost", cost);
        return CompletableFuture.completedFuture(result.transform(b -> b.extensions(extensions)));
    }

    /** Objects returned inside lists: what the connections actually delivered. */
    private static long nodes(Object data) {
        long n = 0;
        if (data instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                n += nodes(v);
            }
        } else if (data instanceof List<?> list) {
            for (Object v : list) {
                if (v instanceof Map<?, ?>) {
                    n++;
                }
                n += nodes(v);
            }
        }
        return n;
    }
}

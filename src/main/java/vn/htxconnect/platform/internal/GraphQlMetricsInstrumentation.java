package vn.htxconnect.platform.internal;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code htx.graphql.requests}: one timer per GraphQL request, tagged by what was asked, never by the
 * client-chosen operation name (partners choose those freely: unbounded series). The tag {@code graphql.root}
 * is the operation's root field name ({@code searchProducts}): a name the schema defines, validated before
 * execution, so the series are bounded by the schema. An operation with several distinct root fields is
 * {@code multiple} (their combinations would again be the client's choice), and one that failed before execution
 * (unparsable, invalid) is {@code none}. Plus {@code graphql.type} (query, mutation,
 * subscription) and {@code outcome} (success, or error when the answer carries errors). With a percentile
 * histogram, so latency quantiles aggregate across instances.
 * <p>
 * Cheap on purpose: the root field are read from the parsed document once per request (no observation per
 * field), and the timer is looked up in a map. A subscription is timed until its stream is set up.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // before LimitsInstrumentation, whose refusals end the chain: they are timed too
class GraphQlMetricsInstrumentation extends SimplePerformantInstrumentation {

    static final String NAME = "htx.graphql.requests";

    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    GraphQlMetricsInstrumentation(MeterRegistry meters) {
        this.meters = meters;
    }

    static final class State implements InstrumentationState {
        final long started = System.nanoTime();
        String root = "none";
        String type = "unknown";
        boolean recorded;
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new State();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        if (state instanceof State s) {
            ExecutionContext ctx = parameters.getExecutionContext();
            OperationDefinition op = ctx.getOperationDefinition();
            s.type = op.getOperation().name().toLowerCase(java.util.Locale.ROOT);
            s.root = roots(op.getSelectionSet(), ctx.getFragmentsByName());
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /** The root field's name (not its alias), through fragments; "multiple" for several distinct ones. */
    static String roots(SelectionSet selections, Map<String, FragmentDefinition> fragments) {
        TreeSet<String> names = new TreeSet<>();
        collect(selections, fragments, names, 0);
        if (names.isEmpty()) {
            return "none";
        }
        return names.size() > 1 ? "multiple" : names.first();
    }

    private static void collect(SelectionSet set, Map<String, FragmentDefinition> fragments, TreeSet<String> names, int depth) {
        if (set == null || depth > 10) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            switch (selection) {
                // __typename beside a root field asks nothing of its own.
                case Field f when !f.getName().equals("__typename") -> names.add(f.getName());
                case Field f -> { }
                case InlineFragment i -> collect(i.getSelectionSet(), fragments, names, depth + 1);
                case FragmentSpread spread -> {
                    FragmentDefinition d = fragments.get(spread.getName());
                    if (d != null) {
                        collect(d.getSelectionSet(), fragments, names, depth + 1);
                    }
                }
                default -> { }
            }
        }
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        // Subscription events come back through here too: the request is recorded once.
        if (state instanceof State s && !s.recorded) {
            s.recorded = true;
            String outcome = result.getErrors().isEmpty() ? "success" : "error";
            timer(s.root, s.type, outcome).record(System.nanoTime() - s.started, TimeUnit.NANOSECONDS);
        }
        return CompletableFuture.completedFuture(result);
    }

    private Timer timer(String root, String type, String outcome) {
        return timers.computeIfAbsent(root + '\u0000' + type + '\u0000' + outcome, k -> Timer.builder(NAME)
                .description("GraphQL requests by root field(s), operation type and outcome")
                .tag("graphql.root", root)
                .tag("graphql.type", type)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters));
    }
}

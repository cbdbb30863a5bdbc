package vn.htxconnect.insight.internal;

import java.util.stream.Collectors;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.insight.ActivityStatusReport.Counts;
import vn.htxconnect.insight.ActivityStatusReport.TrendPoint;
import vn.htxconnect.insight.CooperativeActivity;
import vn.htxconnect.platform.Messages;

/** Sentences in the reader's language and the fields whose names differ from the Java ones. */
@Controller
class ActivityStatusFieldsController {

    private static String language(GraphQLContext context) {
        return context.getOrDefault(Messages.LANGUAGE, "vi");
    }

    @SchemaMapping(typeName = "CooperativeActivity", field = "summary")
    String summary(CooperativeActivity a, GraphQLContext context) {
        return Messages.render(ActivityStatusExplanations.summaryMessage(a), language(context));
    }

    @SchemaMapping(typeName = "CooperativeActivity", field = "explanation")
    String explanation(CooperativeActivity a, GraphQLContext context) {
        return explain(a, language(context));
    }

    /** The summary, then each signal: "No activity for 14 months (latest in 09/2024). Last product update: …; …". */
    static String explain(CooperativeActivity a, String language) {
        String signals = a.signals().stream().map(s -> Messages.render(ActivityStatusExplanations.signalMessage(s), language))
                .collect(Collectors.joining("; "));
        String summary = Messages.render(ActivityStatusExplanations.summaryMessage(a), language);
        return signals.isEmpty() ? summary : summary + ". " + signals;
    }

    @SchemaMapping(typeName = "ActivitySignal", field = "explanation")
    String signal(CooperativeActivity.Signal s, GraphQLContext context) {
        return Messages.render(ActivityStatusExplanations.signalMessage(s), language(context));
    }

    @SchemaMapping(typeName = "ActivityStatusCounts", field = "new")
    long newlyRegistered(Counts c) {
        return c.newlyRegistered();
    }

    @SchemaMapping(typeName = "ActivityStatusCounts", field = "total")
    long total(Counts c) {
        return c.total();
    }

    /** ISO year-month, e.g. "2025-03". */
    @SchemaMapping(typeName = "ActivityTrendPoint", field = "month")
    String month(TrendPoint p) {
        return p.month().toString();
    }
}

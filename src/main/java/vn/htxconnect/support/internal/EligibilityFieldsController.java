package vn.htxconnect.support.internal;

import java.util.List;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.platform.Messages;
import vn.htxconnect.support.Eligibility;
import vn.htxconnect.support.SupportProgram;

/** Explanations of eligibility, rendered in the caller's language from the messages the checks made. */
@Controller
class EligibilityFieldsController {

    private static String language(GraphQLContext context) {
        return context.getOrDefault(Messages.LANGUAGE, "vi");
    }

    @SchemaMapping(typeName = "EligibilityCheck", field = "kind")
    SupportProgram.RuleKind kind(Eligibility.Check c) {
        return c.rule().kind();
    }

    @SchemaMapping(typeName = "EligibilityCheck", field = "explanation")
    String explanation(Eligibility.Check c, GraphQLContext context) {
        return Messages.render(c.explanation(), language(context));
    }

    @SchemaMapping(typeName = "ProgramEligibility", field = "lacking")
    List<String> lacking(Eligibility e, GraphQLContext context) {
        String language = language(context);
        return e.lacking().stream().map(m -> Messages.render(m, language)).toList();
    }
}

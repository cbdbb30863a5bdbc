package vn.htxconnect.search.internal;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.platform.Access;
import vn.htxconnect.search.Suggestion;

@Controller
class SuggestionController {

    private final SuggestionService suggestions;

    SuggestionController(SuggestionService suggestions) {
        this.suggestions = suggestions;
    }

    @QueryMapping
    List<Suggestion> suggest(@Argument String prefix, @Argument Integer first) {
        Access.requireScope("catalog:read");
        return suggestions.suggest(prefix, first);
    }
}

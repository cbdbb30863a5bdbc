package vn.htxconnect.platform.internal;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.platform.Messages;
import vn.htxconnect.platform.UserError;

/** Sends each payload error's message in the caller's language. */
@Controller
class UserErrorController {

    @SchemaMapping(typeName = "UserError", field = "message")
    String message(UserError error, GraphQLContext context) {
        return Messages.render(error.text(), context.getOrDefault(Messages.LANGUAGE, "vi"));
    }
}

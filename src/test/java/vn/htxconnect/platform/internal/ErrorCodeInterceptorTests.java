package vn.htxconnect.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ErrorType;
import graphql.GraphqlErrorBuilder;
import org.junit.jupiter.api.Test;

import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Messages;

/** graphql-java's own messages are keyed by classification; ours keep their key through the error. */
class ErrorCodeInterceptorTests {

    @Test
    void graphqlJavaMessagesAreKeyedByClassification() {
        var validation = GraphqlErrorBuilder.newError().errorType(ErrorType.ValidationError)
                .message("Validation error (FieldUndefined@[foo]) : Field 'foo' in type 'Query' is undefined").build();
        assertThat(Messages.render(ErrorCodeInterceptor.textOf(validation), "vi"))
                .isEqualTo("Truy vấn không hợp lệ (FieldUndefined tại [foo]): Field 'foo' in type 'Query' is undefined");
        assertThat(Messages.render(ErrorCodeInterceptor.textOf(validation), "en")).isEqualTo(validation.getMessage());
        var syntax = GraphqlErrorBuilder.newError().errorType(ErrorType.InvalidSyntax)
                .message("Invalid syntax with offending token '<EOF>' at line 1 column 8").build();
        assertThat(Messages.render(ErrorCodeInterceptor.textOf(syntax), "vi"))
                .isEqualTo("Cú pháp truy vấn sai with offending token '<EOF>' at line 1 column 8");
        // The same words under another classification are not graphql-java's validation message.
        var other = GraphqlErrorBuilder.newError().errorType(ErrorType.DataFetchingException)
                .message("Validation error (x@[y]) : z").build();
        assertThat(ErrorCodeInterceptor.textOf(other)).isEqualTo(Message.english("Validation error (x@[y]) : z"));
    }

    @Test
    void keyedErrorsKeepTheirMessage() {
        Message text = Message.of("paging.cursor.invalid");
        var error = new KeyedError(GraphqlErrorBuilder.newError().message(text.toString()).build(), text);
        assertThat(error.getMessage()).isEqualTo("Invalid cursor");
        assertThat(Messages.render(ErrorCodeInterceptor.textOf(error), "vi")).isEqualTo("Con trỏ phân trang không hợp lệ");
    }
}

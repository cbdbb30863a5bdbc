package vn.htxconnect.platform.internal;

import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

import vn.htxconnect.platform.Message;

/**
 * A GraphQL error that still knows its {@link Message}, so {@link ErrorCodeInterceptor} renders it in
 * the caller's language where the response leaves; until then its message is the English rendering.
 */
final class KeyedError implements GraphQLError {

    private final GraphQLError error;
    private final Message text;

    KeyedError(GraphQLError error, Message text) {
        this.error = error;
        this.text = text;
    }

    Message text() {
        return text;
    }

    @Override
    public String getMessage() {
        return error.getMessage();
    }

    @Override
    public List<SourceLocation> getLocations() {
        return error.getLocations();
    }

    @Override
    public ErrorClassification getErrorType() {
        return error.getErrorType();
    }

    @Override
    public List<Object> getPath() {
        return error.getPath();
    }

    @Override
    public Map<String, Object> getExtensions() {
        return error.getExtensions();
    }

    @Override
    public Map<String, Object> toSpecification() {
        return error.toSpecification();
    }
}

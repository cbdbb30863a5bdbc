package vn.htxconnect.platform;

import java.util.Optional;

/** A module's part of {@code node(id:)}: loads objects of one GraphQL type by database ID. */
public interface NodeResolver {

    /** The GraphQL type name encoded in the global ID. */
    String typeName();

    Optional<?> load(long id);
}

package vn.htxconnect.platform.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.NodeResolver;

/** {@code node(id:)}: dispatches a global ID to the module that owns its type. */
@Controller
class NodeController {

    private final Map<String, NodeResolver> resolvers;

    NodeController(List<NodeResolver> resolvers) {
        this.resolvers = resolvers.stream().collect(Collectors.toMap(NodeResolver::typeName, Function.identity()));
    }

    @QueryMapping
    Object node(@Argument String id) {
        GlobalId gid = GlobalId.decode("id", id);
        NodeResolver resolver = resolvers.get(gid.type());
        if (resolver == null) {
            throw ApiException.notFound(Message.of("node.notFound", id));
        }
        return resolver.load(gid.id()).orElseThrow(() -> ApiException.notFound(Message.of("node.notFound", id)));
    }

    @MutationMapping
    boolean ping() {
        return true;
    }
}

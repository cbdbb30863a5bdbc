package vn.htxconnect.linkage.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import vn.htxconnect.account.SignedLinks;
import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Messages;

/**
 * {@code valueChain} in GraphQL and its picture at {@value #SVG_PATH}. The picture's URL carries a signed,
 * short-lived token with the graph's parameters and what the reader may see, because a browser loads an
 * image without the reader's Authorization header.
 */
@Controller
class ValueChainController {

    static final String SVG_PATH = "/value-chains/svg";
    static final String PURPOSE = "value-chain-svg";
    static final Duration LINK_TTL = Duration.ofMinutes(30);

    private final ValueChains chains;
    private final OrganizationService organizations;
    private final ProductService products;
    private final CategoryService categories;
    private final SignedLinks links;

    ValueChainController(ValueChains chains, OrganizationService organizations, ProductService products,
                         CategoryService categories, SignedLinks links) {
        this.chains = chains;
        this.organizations = organizations;
        this.products = products;
        this.categories = categories;
        this.links = links;
    }

    @QueryMapping
    ValueChains.Graph valueChain(@Argument String organizationId, @Argument String productId, @Argument Integer depth,
                                 @Argument ValueChains.Direction direction) {
        Actor a = LinkageController.reader();
        if ((organizationId == null) == (productId == null)) {
            throw ApiException.badRequest("organizationId", Message.of("linkage.valueChain.oneOf"));
        }
        int d = depth == null ? 2 : depth;
        if (d < 1 || d > ValueChains.MAX_DEPTH) {
            throw ApiException.badRequest("depth", Message.of("linkage.valueChain.depth", ValueChains.MAX_DEPTH));
        }
        Long org = organizationId == null ? null : GlobalId.decode("organizationId", organizationId, Organization.TYPE);
        Long product = productId == null ? null : GlobalId.decode("productId", productId, Product.TYPE);
        if (org != null && organizations.findById(org).isEmpty()) {
            throw ApiException.notFound(Message.of("organization.notFoundId", organizationId));
        }
        if (product != null) {
            Product p = products.findById(product).orElseThrow(() -> ApiException.notFound(Message.of("catalog.product.notFoundId", productId)));
            org = p.organizationId();
        }
        return chains.build(org, product, d, direction == null ? ValueChains.Direction.BOTH : direction, ValueChains.Viewer.of(a));
    }

    @SchemaMapping(typeName = "ValueChain", field = "root")
    Organization root(ValueChains.Graph g) {
        return g.rootOrganizationId() == null ? null : organizations.findById(g.rootOrganizationId()).orElse(null);
    }

    @SchemaMapping(typeName = "ValueChain", field = "product")
    Product product(ValueChains.Graph g) {
        return g.productId() == null ? null : products.findById(g.productId()).orElse(null);
    }

    @SchemaMapping(typeName = "ValueChain", field = "svgUrl")
    String svgUrl(ValueChains.Graph g) {
        ValueChains.Viewer v = ValueChains.Viewer.of(Access.current());
        Map<String, Object> claims = new LinkedHashMap<>();
        if (g.rootOrganizationId() != null) {
            claims.put("org", g.rootOrganizationId());
        }
        if (g.productId() != null) {
            claims.put("product", g.productId());
        }
        claims.put("depth", g.depth());
        claims.put("dir", g.direction().name());
        claims.put("orgs", v.organizations().stream().sorted().toList());
        claims.put("alliance", v.alliance());
        return SVG_PATH + "?token=" + links.sign(PURPOSE, claims, LINK_TTL);
    }

    @BatchMapping(typeName = "ValueChainNode", field = "organization")
    Map<ValueChains.Node, Organization> nodeOrganization(List<ValueChains.Node> nodes) {
        Map<Long, Organization> byId = organizations.findByIds(nodes.stream().map(ValueChains.Node::organizationId).distinct().toList());
        Map<ValueChains.Node, Organization> out = new LinkedHashMap<>();
        nodes.stream().filter(n -> byId.containsKey(n.organizationId())).forEach(n -> out.put(n, byId.get(n.organizationId())));
        return out;
    }

    /** The picture; the token is the only credential, so a wrong or expired one gets 403 and no detail. */
    @GetMapping(value = SVG_PATH, produces = "image/svg+xml")
    ResponseEntity<String> svg(@RequestParam(required = false) String token,
                               @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Optional<Map<String, Object>> claims = links.verify(PURPOSE, token);
        if (claims.isEmpty()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN)
                    .body(Messages.render(Message.of("linkage.valueChain.linkExpired"), Messages.languageOf(acceptLanguage)) + "\n");
        }
        Map<String, Object> c = claims.get();
        Set<Long> orgs = c.get("orgs") instanceof List<?> l
                ? l.stream().map(o -> ((Number) o).longValue()).collect(Collectors.toSet()) : Set.of();
        ValueChains.Graph g = chains.build(number(c.get("org")), number(c.get("product")), number(c.get("depth")).intValue(),
                ValueChains.Direction.valueOf((String) c.get("dir")), new ValueChains.Viewer(orgs, Boolean.TRUE.equals(c.get("alliance"))));
        Map<Long, String> names = organizations.findByIds(ValueChains.organizationIds(g)).values().stream()
                .collect(Collectors.toMap(Organization::databaseId, Organization::name));
        String title = "Chuỗi giá trị: " + (g.productId() != null
                ? products.findById(g.productId()).map(Product::name).orElse("")
                : names.getOrDefault(g.rootOrganizationId(), ""));
        String body = ValueChainSvg.render(g, names, code -> categories.findByCode(code).map(Category::nameVi).orElse(code), title);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml;charset=UTF-8"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .body(body);
    }

    private static Long number(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }

}

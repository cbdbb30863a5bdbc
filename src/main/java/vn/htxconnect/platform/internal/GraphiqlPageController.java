package vn.htxconnect.platform.internal;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * GraphiQL served from the jar, in place of Spring for GraphQL's stock page (disabled in application.yml),
 * which loads React and GraphiQL from a CDN and shows "Loading…" forever without internet. The page is
 * kept outside {@code static/} so that it is only ever served with this policy: everything from this
 * origin (scripts and styles from WebJars, the fonts GraphiQL inlines as data URLs, React's inline style
 * attributes, GraphQL over HTTP and WebSocket), nothing from elsewhere.
 */
@Controller
class GraphiqlPageController {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "font-src 'self' data:; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'";

    private final Resource page = new ClassPathResource("graphiql-page/index.html");

    @GetMapping({"/graphiql", "/graphiql/"})
    ResponseEntity<Resource> graphiql() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .body(page);
    }
}

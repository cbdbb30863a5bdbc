package vn.htxconnect.insight.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard page: static HTML and script; every figure on it is read from GraphQL with the analyst's token. */
@Controller
class InsightPageController {

    @GetMapping({"/insights", "/insights/"})
    String dashboard() {
        return "forward:/insights/index.html";
    }
}

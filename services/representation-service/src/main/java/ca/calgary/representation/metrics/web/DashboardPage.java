package ca.calgary.representation.metrics.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The leadership dashboard's address: {@code /dashboard} (and the root) lead to the page. */
@Controller
class DashboardPage {

    @GetMapping({"/", "/dashboard", "/dashboard/"})
    String dashboard() {
        return "redirect:/dashboard/index.html";
    }
}

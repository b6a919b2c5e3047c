package io.github.botconnector.examples.spring;

import io.github.botconnector.schema.Activity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A test endpoint binding {@code @RequestBody Activity} with whatever Jackson the Spring Boot line brings. */
@RestController
class ModelBindingController {

    @PostMapping("/test/echo")
    Activity echo(@RequestBody Activity activity) {
        return activity;
    }
}

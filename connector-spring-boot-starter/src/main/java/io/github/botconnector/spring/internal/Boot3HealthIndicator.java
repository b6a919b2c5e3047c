package io.github.botconnector.spring.internal;

import io.github.botconnector.spring.BotConnectorHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** {@link BotConnectorHealth} as a Spring Boot 3 Actuator health indicator. */
public final class Boot3HealthIndicator implements HealthIndicator {

    private final BotConnectorHealth health;

    /** An indicator over {@code health}. */
    public Boot3HealthIndicator(BotConnectorHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        BotConnectorHealth.Snapshot s = health.check();
        return (s.up() ? Health.up() : Health.down()).withDetails(s.details()).build();
    }
}

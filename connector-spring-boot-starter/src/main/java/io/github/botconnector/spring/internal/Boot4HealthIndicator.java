package io.github.botconnector.spring.internal;

import io.github.botconnector.spring.BotConnectorHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@link BotConnectorHealth} as a Spring Boot 4 health indicator. */
public final class Boot4HealthIndicator implements HealthIndicator {

    private final BotConnectorHealth health;

    /** An indicator over {@code health}. */
    public Boot4HealthIndicator(BotConnectorHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        BotConnectorHealth.Snapshot s = health.check();
        return (s.up() ? Health.up() : Health.down()).withDetails(s.details()).build();
    }
}

package io.github.botconnector.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A notification bot on Spring Boot: the starter validates and stores every install Teams posts to
 * {@code /api/messages}; {@code POST /api/notify} sends a message to every stored conversation. Configure it with
 * {@code BOTCONNECTOR_APP_ID}, {@code BOTCONNECTOR_APP_PASSWORD} and {@code BOTCONNECTOR_TENANT_ID}.
 */
@SpringBootApplication
public class NotifyBotApplication {

    /**
     * Starts the bot.
     *
     * @param args Spring Boot arguments, for example {@code --server.port=3978}
     */
    public static void main(String[] args) {
        SpringApplication.run(NotifyBotApplication.class, args);
    }
}

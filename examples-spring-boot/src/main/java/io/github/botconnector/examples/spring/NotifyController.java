package io.github.botconnector.examples.spring;

import io.github.botconnector.exception.ConnectorException;
import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.store.ConversationReferenceStore;
import io.github.botconnector.broadcast.store.StoredReference;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.spring.BotInstalledEvent;
import io.github.botconnector.spring.BotUninstalledEvent;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/notify}: a message to every conversation the starter stored; logs installs and uninstalls. */
@RestController
public class NotifyController {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyController.class);

    private final ConnectorClient client;
    private final ConversationReferenceStore references;

    /**
     * The controller, on the starter's beans.
     *
     * @param client     the Bot Connector client
     * @param references the stored conversations
     */
    public NotifyController(ConnectorClient client, ConversationReferenceStore references) {
        this.client = client;
        this.references = references;
    }

    /**
     * Sends {@code text} to every stored conversation; drops those whose user blocked the bot or removed the app.
     *
     * @param text the message
     * @return {@code sent}, {@code failed} and {@code stored} (conversations left in the store)
     */
    @PostMapping("/api/notify")
    public Map<String, Integer> notifyAll(@RequestParam(name = "text", defaultValue = "Hello from Contoso Notifier!") String text) {
        int sent = 0;
        int failed = 0;
        for (StoredReference conversation : references.findAll()) {
            try {
                client.send(conversation.reference(), Activity.message(text));
                sent++;
            } catch (ConnectorException e) {
                failed++;
                boolean dropped = references.dropIfGone(conversation.conversationId(), e);
                LOG.warn("Could not notify {}: {}{}", conversation.conversationId(), e.getMessage(),
                        dropped ? " (reference dropped)" : "");
            }
        }
        return Map.of("sent", sent, "failed", failed, "stored", references.count());
    }

    /**
     * Logs an install; the starter already stored the reference.
     *
     * @param event the install
     */
    @EventListener
    public void installed(BotInstalledEvent event) {
        LOG.info("Installed in conversation {}", event.reference().conversation().id());
    }

    /**
     * Logs an uninstall; the starter already dropped the reference.
     *
     * @param event the uninstall
     */
    @EventListener
    public void uninstalled(BotUninstalledEvent event) {
        LOG.info("Uninstalled from conversation {}", event.reference().conversation().id());
    }
}

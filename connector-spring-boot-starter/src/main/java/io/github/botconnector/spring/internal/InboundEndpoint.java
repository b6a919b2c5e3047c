package io.github.botconnector.spring.internal;

import io.github.botconnector.exception.InboundAuthenticationException;
import io.github.botconnector.auth.BotAuthenticator;
import io.github.botconnector.broadcast.store.ConversationReferenceStore;
import io.github.botconnector.broadcast.store.ConversationReferenceStore.Change;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ActivityTypes;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.spring.BotActivityEvent;
import io.github.botconnector.spring.BotInstalledEvent;
import io.github.botconnector.spring.BotMessageEvent;
import io.github.botconnector.spring.BotOptOutEvent;
import io.github.botconnector.spring.BotUninstalledEvent;
import io.github.botconnector.teams.TeamsActivities;
import io.github.botconnector.teams.messages.OptOut;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The bot's inbound endpoint ({@code POST botconnector.endpoint-path}): validates the JWT, keeps the reference
 * store fresh, and hands the activity to application listeners on the event threads, so Teams gets its answer at
 * once (it gives up after 15 s and retries). Teams' retries of an activity already taken are answered 200 and
 * ignored.
 */
@RestController
public final class InboundEndpoint implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.botconnector.spring.inbound");
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final BotAuthenticator authenticator;
    private final ConversationReferenceStore store;
    private final ApplicationEventPublisher publisher;
    private final ThreadPoolExecutor events;
    private final Map<String, Boolean> recent;

    /**
     * The endpoint.
     *
     * @param authenticator validates inbound JWTs
     * @param store         the reference store
     * @param publisher     publishes the events
     * @param threads       event threads
     * @param queue         events that may wait
     * @param rememberedIds activity ids remembered for idempotency
     */
    public InboundEndpoint(BotAuthenticator authenticator, ConversationReferenceStore store,
                           ApplicationEventPublisher publisher, int threads, int queue, int rememberedIds) {
        this.authenticator = authenticator;
        this.store = store;
        this.publisher = publisher;
        this.events = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, "bot-connector-events-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.events.allowCoreThreadTimeOut(true);
        this.recent = new LinkedHashMap<>(256, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > rememberedIds;
            }
        };
    }

    /**
     * Takes one activity from the channel.
     *
     * @param request the request, for its {@code Authorization} header (not taken as a handler argument, which
     *                Spring MVC logs at TRACE: the channel's token must never reach a log)
     * @param body    the activity JSON
     * @return 200 when taken, 400 for a body that is not an activity, 401/403 for a bad token, 503 when the event
     *         queue is full (Teams retries)
     */
    @PostMapping(path = "${botconnector.endpoint-path:/api/messages}")
    public ResponseEntity<String> receive(WebRequest request, @RequestBody(required = false) byte[] body) {
        String authorization = request.getHeader("Authorization");
        Activity activity;
        try {
            activity = Activity.fromJson(body == null ? "" : new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body("{\"error\":\"the body is not a Bot Framework activity\"}");
        }
        try {
            authenticator.authenticate(authorization, activity);
        } catch (InboundAuthenticationException e) {
            LOG.warn("Refused an inbound activity ({}): {}", e.statusCode(), e.getMessage());
            return ResponseEntity.status(e.statusCode()).build();
        }
        String key = activity.id() == null || activity.conversation() == null ? null
                : activity.conversation().id() + "|" + activity.id();
        if (key != null && !remember(key)) {
            LOG.debug("Activity {} was taken already; Teams retried it", activity.id());
            return ResponseEntity.ok().build();
        }
        Change change = store.onActivity(activity);
        try {
            events.execute(() -> publish(activity, change));
        } catch (RejectedExecutionException e) {
            forget(key);
            LOG.warn("Inbound event queue full; answered 503 so that Teams sends activity {} again later",
                    activity.id());
            return ResponseEntity.status(503).build();
        }
        return ResponseEntity.ok().build();
    }

    private synchronized boolean remember(String key) {
        return recent.put(key, Boolean.TRUE) == null;
    }

    private synchronized void forget(String key) {
        if (key != null) {
            recent.remove(key);
        }
    }

    private void publish(Activity activity, Change change) {
        ConversationReference reference = TeamsActivities.conversationReference(activity);
        List<Object> all = new ArrayList<>();
        all.add(new BotActivityEvent(activity, reference, change));
        if (TeamsActivities.isInstall(activity)) {
            all.add(new BotInstalledEvent(activity, reference));
        } else if (change == Change.REMOVED) {
            all.add(new BotUninstalledEvent(activity, reference));
        } else if (activity.isType(ActivityTypes.MESSAGE)) {
            all.add(new BotMessageEvent(activity, reference));
            String optOut = optOutTopic(activity);
            if (optOut != null) {
                all.add(new BotOptOutEvent(activity, reference, optOut.isEmpty() ? null : optOut));
            }
        }
        for (Object event : all) {
            try {
                publisher.publishEvent(event);
            } catch (RuntimeException e) {
                LOG.error("A listener of {} for activity {} failed", event.getClass().getSimpleName(), activity.id(),
                        e);
            }
        }
    }

    /**
     * The topic a user opts out of: the topic of an {@link OptOut} card button they clicked; {@code ""} for
     * everything when they wrote {@code stop}, {@code unsubscribe} or {@code opt out}; the rest of the text after
     * {@code stop } or {@code unsubscribe }; or {@code null} when the message is no opt-out.
     */
    static String optOutTopic(Activity activity) {
        Optional<String> clicked = OptOut.topic(activity);
        if (clicked.isPresent()) {
            return clicked.get();
        }
        String text = TeamsActivities.textWithoutMention(activity).toLowerCase(Locale.ROOT).trim();
        for (String word : List.of("unsubscribe", "opt out", "opt-out", "optout", "stop")) {
            if (text.equals(word)) {
                return "";
            }
            if (text.startsWith(word + " ")) {
                return text.substring(word.length() + 1).trim();
            }
        }
        return null;
    }

    @Override
    public void destroy() throws InterruptedException {
        events.shutdown();
        if (!events.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("{} inbound events were not delivered before shutdown", events.shutdownNow().size());
        }
    }
}

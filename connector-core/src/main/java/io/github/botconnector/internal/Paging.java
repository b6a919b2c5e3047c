package io.github.botconnector.internal;

import io.github.botconnector.exception.ConnectorException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The one way this SDK follows continuation tokens, for every paged route (members, Teams members, batch failed
 * entries): pages are requested in order from a {@code null} token until a page has none (absent or empty); the
 * items of each page are kept in order, nulls dropped and, with a key, the first occurrence of each key only (a
 * continuation may repeat items); a token the service returns twice stops the walk with a
 * {@link ConnectorException} instead of looping forever. Not public API.
 *
 * @param <P> page type
 * @param <T> item type
 */
public final class Paging<P, T> {

    private final Function<String, CompletableFuture<P>> page;
    private final Function<P, List<T>> items;
    private final Function<P, String> nextToken;
    private final Function<T, String> key;
    private final String what;

    private final Set<String> tokens = new HashSet<>();
    private final Set<String> keys = new HashSet<>();
    private String token;
    private boolean done;

    private Paging(Function<String, CompletableFuture<P>> page, Function<P, List<T>> items,
                   Function<P, String> nextToken, Function<T, String> key, String what) {
        this.page = page;
        this.items = items;
        this.nextToken = nextToken;
        this.key = key;
        this.what = what;
    }

    /**
     * All items of all pages. Pages whose future is already complete (blocking transports) are walked in a loop on
     * the calling thread; the others are chained without blocking.
     *
     * @param page      requests the page after a token ({@code null} for the first)
     * @param items     the items of a page
     * @param nextToken the continuation token of a page
     * @param key       the identity of an item for de-duplication, or {@code null} to keep every item
     * @param what      what is paged, for the error message ("the members of 19:...")
     */
    public static <P, T> CompletableFuture<List<T>> all(Function<String, CompletableFuture<P>> page,
                                                       Function<P, List<T>> items, Function<P, String> nextToken,
                                                       Function<T, String> key, String what) {
        Paging<P, T> walk = new Paging<>(page, items, nextToken, key, what);
        List<T> collected = new ArrayList<>();
        return walk.collect(collected).thenApply(v -> List.copyOf(collected));
    }

    /**
     * The items of all pages, lazily: a page is requested (and waited for) when the iterator needs it. Same rules and
     * arguments as {@link #all}.
     */
    public static <P, T> Iterator<T> lazily(Function<String, CompletableFuture<P>> page, Function<P, List<T>> items,
                                            Function<P, String> nextToken, Function<T, String> key, String what) {
        Paging<P, T> walk = new Paging<>(page, items, nextToken, key, what);
        return new Iterator<>() {
            private Iterator<T> current = List.<T>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !walk.done) {
                    current = walk.accept(HttpPipeline.join(walk.page.apply(walk.token))).iterator();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    private CompletableFuture<Void> collect(List<T> collected) {
        while (true) {
            CompletableFuture<P> next = page.apply(token);
            if (!next.isDone()) {
                return next.thenCompose(p -> {
                    collected.addAll(accept(p));
                    return done ? CompletableFuture.completedFuture(null) : collect(collected);
                });
            }
            try {
                collected.addAll(accept(next.join()));
            } catch (CompletionException e) {
                return CompletableFuture.failedFuture(HttpPipeline.unwrap(e));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (done) {
                return CompletableFuture.completedFuture(null);
            }
        }
    }

    /** Takes one page: its new items, and where to go next. */
    private List<T> accept(P result) {
        List<T> out = new ArrayList<>();
        for (T item : Values.orEmpty(items.apply(result))) {
            String k = item == null || key == null ? null : key.apply(item);
            if (item != null && (k == null || keys.add(k))) {
                out.add(item);
            }
        }
        String next = nextToken.apply(result);
        if (next == null || next.isEmpty()) {
            done = true;
        } else if (!tokens.add(next)) {
            throw new ConnectorException("The service returned the same continuation token twice while paging "
                    + what + "; stopped after " + (tokens.size() + 1) + " pages to avoid an endless loop");
        } else {
            token = next;
        }
        return out;
    }
}

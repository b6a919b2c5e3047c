package io.github.botconnector;

import io.github.botconnector.exception.ConnectorException;
import io.github.botconnector.internal.HttpPipeline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Follows the continuation tokens of a paged route: the way this SDK walks every paged answer (conversation members,
 * Teams members, failed entries of a batch operation), for any route with pages, including those sent through
 * {@link ConnectorClient#rawRequest raw requests}. Pages are requested in order, the first with a {@code null} token,
 * each next one with the token of the page before, until a page has none (absent or empty). Items keep the order of
 * the service; {@code null} items are dropped, and with {@link #distinctBy(Function)} only the first occurrence of each
 * key is kept (a continuation may repeat items). A token the service returns twice stops the walk with a
 * {@link ConnectorException} instead of looping forever.
 *
 * <pre>{@code
 * Pager<PagedMembersResult, ChannelAccount> members = Pager.of(
 *                 token -> client.async().conversationMembersPage(conversationId, 500, token),
 *                 PagedMembersResult::members, PagedMembersResult::continuationToken)
 *         .distinctBy(ChannelAccount::id)
 *         .describedAs("the members of " + conversationId);
 * for (ChannelAccount member : members) {         // pages requested as the loop needs them
 *     ...
 * }
 * }</pre>
 *
 * <p>A pager is immutable and thread-safe; every {@link #all()}, {@link #iterator()} and {@link #stream()} starts a
 * walk of its own from the first page. The page function runs on the thread that asks for the page: for
 * {@link #all()}, the calling thread while pages arrive already completed (blocking clients), then the thread that
 * completes the previous page; for {@link #iterator()} and {@link #stream()}, the thread that iterates, which waits
 * for each page.
 *
 * @param <P> the page type
 * @param <T> the item type
 */
public final class Pager<P, T> implements Iterable<T> {

    private final Function<? super String, ? extends CompletableFuture<? extends P>> page;
    private final Function<? super P, ? extends List<? extends T>> items;
    private final Function<? super P, String> nextToken;
    private final Function<? super T, String> key;
    private final String what;

    private Pager(Function<? super String, ? extends CompletableFuture<? extends P>> page,
                  Function<? super P, ? extends List<? extends T>> items, Function<? super P, String> nextToken,
                  Function<? super T, String> key, String what) {
        this.page = page;
        this.items = items;
        this.nextToken = nextToken;
        this.key = key;
        this.what = what;
    }

    /**
     * A pager over a paged route.
     *
     * @param page      requests the page after a continuation token ({@code null} for the first page)
     * @param items     the items of a page ({@code null} is read as none)
     * @param nextToken the continuation token of a page ({@code null} or empty on the last page)
     * @param <P>       the page type
     * @param <T>       the item type
     * @return the pager; nothing is requested until it is walked
     * @throws NullPointerException naming the argument that is {@code null}
     */
    public static <P, T> Pager<P, T> of(Function<? super String, ? extends CompletableFuture<? extends P>> page,
                                        Function<? super P, ? extends List<? extends T>> items,
                                        Function<? super P, String> nextToken) {
        return new Pager<>(Objects.requireNonNull(page, "page"), Objects.requireNonNull(items, "items"),
                Objects.requireNonNull(nextToken, "nextToken"), null, "pages");
    }

    /**
     * This pager keeping only the first item of each key, for routes whose continuation may repeat items. Items whose
     * key is {@code null} are all kept.
     *
     * @param itemKey the identity of an item, for example {@code ChannelAccount::id}
     * @return a pager that drops repeated items
     * @throws NullPointerException when {@code itemKey} is {@code null}
     */
    public Pager<P, T> distinctBy(Function<? super T, String> itemKey) {
        return new Pager<>(page, items, nextToken, Objects.requireNonNull(itemKey, "itemKey"), what);
    }

    /**
     * This pager naming what it walks in its error message (default {@code "pages"}).
     *
     * @param description what is paged, for example {@code "the members of 19:...@thread.tacv2"}
     * @return a pager with that description
     * @throws IllegalArgumentException when {@code description} is {@code null} or blank
     */
    public Pager<P, T> describedAs(String description) {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("description must not be blank; say what is paged, for example"
                    + " \"the members of <conversation id>\"");
        }
        return new Pager<>(page, items, nextToken, key, description);
    }

    /**
     * All items of all pages. Pages that arrive completed (from a blocking client) are walked in a loop on the calling
     * thread, so the returned future is then complete; the others are chained without blocking any thread.
     *
     * @return the items, unmodifiable; the future fails with the first page's failure, or with a
     *     {@link ConnectorException} when a continuation token repeats
     * @throws RuntimeException what the page function throws for the first page (for example an
     *     {@link IllegalArgumentException} for an invalid id), before any I/O
     */
    public CompletableFuture<List<T>> all() {
        Walk walk = new Walk();
        List<T> collected = new ArrayList<>();
        return walk.collect(collected).thenApply(v -> List.copyOf(collected));
    }

    /**
     * The items of all pages, lazily: a page is requested, and waited for on the iterating thread, when the iterator
     * needs its items. A page's failure is thrown from {@code hasNext()} as the SDK's exception (unchecked).
     *
     * @return a new walk from the first page
     */
    @Override
    public Iterator<T> iterator() {
        Walk walk = new Walk();
        return new Iterator<>() {
            private Iterator<T> current = List.<T>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !walk.done) {
                    current = walk.accept(HttpPipeline.join(walk.request())).iterator();
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

    /**
     * The items of all pages as a sequential stream, requested lazily like {@link #iterator()}.
     *
     * @return a new walk from the first page
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Shows what is paged. */
    @Override
    public String toString() {
        return "Pager[" + what + "]";
    }

    /** The state of one walk: the next token, the tokens and keys seen. */
    private final class Walk {
        private final Set<String> tokens = new HashSet<>();
        private final Set<String> keys = new HashSet<>();
        private String token;
        private boolean done;

        CompletableFuture<? extends P> request() {
            CompletableFuture<? extends P> next = page.apply(token);
            if (next == null) {
                throw new IllegalStateException("The page function of " + what + " returned null for continuation"
                        + " token " + token + "; it must return a future of the page");
            }
            return next;
        }

        CompletableFuture<Void> collect(List<T> collected) {
            while (true) {
                // Thrown, not returned: a page function refusing its arguments fails before any I/O.
                CompletableFuture<? extends P> next = request();
                if (!next.isDone()) {
                    return next.thenCompose(p -> {
                        collected.addAll(accept(p));
                        return done ? CompletableFuture.completedFuture(null) : collect(collected);
                    });
                }
                try {
                    collected.addAll(accept(HttpPipeline.join(next)));
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
                if (done) {
                    return CompletableFuture.completedFuture(null);
                }
            }
        }

        /** Takes one page: its new items, and where to go next. */
        List<T> accept(P result) {
            List<T> out = new ArrayList<>();
            List<? extends T> pageItems = items.apply(result);
            if (pageItems != null) {
                for (T item : pageItems) {
                    String k = item == null || key == null ? null : key.apply(item);
                    if (item != null && (k == null || keys.add(k))) {
                        out.add(item);
                    }
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
}

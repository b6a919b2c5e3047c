package io.github.botconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.exception.ConnectorException;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.exception.ThrottledException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The public pager: continuation tokens followed in order, duplicates dropped, loops stopped, arguments checked. */
class PagerTest {

    /** A page of a fake route: its items and the token of the next page. */
    private record Page(List<String> items, String next) {
    }

    /** A route of pages by token ({@code null} for the first), recording the tokens it was asked for. */
    private static final class Route implements Function<String, CompletableFuture<Page>> {
        final Map<String, Page> pages;
        final List<String> asked = new ArrayList<>();

        Route(Map<String, Page> pages) {
            this.pages = pages;
        }

        @Override
        public CompletableFuture<Page> apply(String token) {
            asked.add(String.valueOf(token));
            return CompletableFuture.completedFuture(pages.get(String.valueOf(token)));
        }
    }

    private static Page page(String next, String... items) {
        return new Page(Arrays.asList(items), next);
    }

    private static Route threePages() {
        return new Route(Map.of(
                "null", page("t1", "a", "b"),
                "t1", page("t2", "b", null, "c"),
                "t2", page("", "d")));
    }

    private static Pager<Page, String> pager(Function<String, CompletableFuture<Page>> route) {
        return Pager.of(route, Page::items, Page::next);
    }

    @Test
    void allFollowsTheTokensInOrderUntilAPageHasNoneAndDropsNullItems() {
        Route route = threePages();
        CompletableFuture<List<String>> all = pager(route).all();
        assertTrue(all.isDone(), "pages that arrive completed are walked on the calling thread");
        assertEquals(List.of("a", "b", "b", "c", "d"), all.join());
        assertEquals(List.of("null", "t1", "t2"), route.asked);
        assertThrows(UnsupportedOperationException.class, () -> all.join().add("e"));
    }

    @Test
    void distinctByKeepsTheFirstItemOfEachKey() {
        assertEquals(List.of("a", "b", "c", "d"), pager(threePages()).distinctBy(s -> s).all().join());
        assertEquals(List.of("a", "b", "c", "d"), pager(threePages()).distinctBy(s -> s).stream().toList());
    }

    @Test
    void theIteratorRequestsAPageOnlyWhenItNeedsItsItems() {
        Route route = threePages();
        Iterator<String> it = pager(route).iterator();
        assertEquals(List.of(), route.asked, "nothing is requested before iterating");
        assertEquals("a", it.next());
        assertEquals("b", it.next());
        assertEquals(List.of("null"), route.asked);
        assertEquals("b", it.next());
        assertEquals(List.of("null", "t1"), route.asked);
        List<String> rest = new ArrayList<>();
        it.forEachRemaining(rest::add);
        assertEquals(List.of("c", "d"), rest);
        assertFalse(it.hasNext());
    }

    @Test
    void everyWalkStartsAgainFromTheFirstPage() {
        Route route = threePages();
        Pager<Page, String> pager = pager(route).distinctBy(s -> s);
        List<String> first = new ArrayList<>();
        pager.forEach(first::add);
        assertEquals(first, pager.all().join());
        assertEquals(List.of("null", "t1", "t2", "null", "t1", "t2"), route.asked);
    }

    @Test
    void pagesThatArriveLaterAreChainedWithoutBlocking() {
        List<CompletableFuture<Page>> pending = new ArrayList<>();
        CompletableFuture<List<String>> all = pager(token -> {
            CompletableFuture<Page> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        }).all();
        assertFalse(all.isDone());
        pending.get(0).complete(page("t1", "a"));
        assertEquals(2, pending.size(), "the second page is requested when the first completes");
        pending.get(1).complete(page(null, "b"));
        assertEquals(List.of("a", "b"), all.join());
    }

    @Test
    void aRepeatedContinuationTokenStopsTheWalkWithTheDescription() throws Exception {
        Route loop = new Route(Map.of("null", page("t1", "a"), "t1", page("t1", "b")));
        CompletableFuture<List<String>> all = pager(loop).describedAs("the members of 19:x").all();
        ExecutionException e = assertThrows(ExecutionException.class, all::get);
        assertSame(ConnectorException.class, e.getCause().getClass());
        assertTrue(e.getCause().getMessage().contains("the members of 19:x"), e.getCause().getMessage());
        Iterator<String> it = pager(loop).iterator();
        assertEquals("a", it.next());
        ConnectorException thrown = assertThrows(ConnectorException.class, it::hasNext,
                "the page that repeats its own token is refused");
        assertTrue(thrown.getMessage().contains("same continuation token twice"), thrown.getMessage());
    }

    @Test
    void aFailedPageFailsTheWalkWithItsOwnException() throws Exception {
        ThrottledException throttled = new ThrottledException(new ConnectorResponseException.Details("GET",
                "/v3/x", 429, "Throttled", "slow down", null, null, 1, null, ""), "wait");
        Pager<Page, String> failing = pager(token -> token == null
                ? CompletableFuture.completedFuture(page("t1", "a")) : CompletableFuture.failedFuture(throttled));
        ExecutionException e = assertThrows(ExecutionException.class, () -> failing.all().get());
        assertSame(throttled, e.getCause());
        Iterator<String> it = failing.iterator();
        assertEquals("a", it.next());
        assertSame(throttled, assertThrows(ThrottledException.class, it::hasNext));
    }

    @Test
    void anArgumentErrorOfTheFirstPageIsThrownBeforeAnyIo() {
        Pager<Page, String> refusing = pager(token -> {
            throw new IllegalArgumentException("conversationId must not be blank");
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, refusing::all);
        assertEquals("conversationId must not be blank", e.getMessage());
    }

    @Test
    void badArgumentsAreRefusedWhenThePagerIsBuilt() {
        NullPointerException page = assertThrows(NullPointerException.class,
                () -> Pager.<Page, String>of(null, Page::items, Page::next));
        assertEquals("page", page.getMessage());
        assertEquals("items", assertThrows(NullPointerException.class,
                () -> Pager.<Page, String>of(t -> null, null, Page::next)).getMessage());
        assertEquals("nextToken", assertThrows(NullPointerException.class,
                () -> Pager.<Page, String>of(t -> null, Page::items, null)).getMessage());
        assertEquals("itemKey", assertThrows(NullPointerException.class,
                () -> pager(threePages()).distinctBy(null)).getMessage());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> pager(threePages()).describedAs(" "));
        assertTrue(blank.getMessage().contains("description"), blank.getMessage());
    }

    @Test
    void aPageFunctionReturningNoFutureIsNamedInTheError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> pager(token -> null).describedAs("the failed entries of op-1").all());
        assertTrue(e.getMessage().contains("the failed entries of op-1"), e.getMessage());
    }

    @Test
    void aPageWithoutItemsIsEmpty() {
        Route route = new Route(Map.of("null", new Page(null, "t1"), "t1", page(null)));
        assertEquals(List.of(), pager(route).all().join());
        assertEquals("Pager[pages]", pager(route).toString());
    }
}
